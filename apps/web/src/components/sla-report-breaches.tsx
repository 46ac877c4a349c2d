import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SlaBreach } from '../api/report-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { formatInZone } from '../lib/format-instant';
import { PriorityBadge } from './priority-badge';

/**
 * The month's breaches, each linking to its ticket: the console's ticket page for staff, the portal's for client
 * people (the page checks who may open it).
 */
export function SlaReportBreaches({ breaches, timeZone }: { breaches: SlaBreach[]; timeZone: string }) {
  const { t } = useTranslation();
  const ticketPath = isStaff(useMe()) ? '/tickets' : '/portal/tickets';
  if (breaches.length === 0) return <Text c="dimmed">{t('reports.noBreaches')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="breach-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.reference')}</Table.Th>
            <Table.Th>{t('reports.ticketTitle')}</Table.Th>
            <Table.Th>{t('reports.priority')}</Table.Th>
            <Table.Th>{t('reports.clock')}</Table.Th>
            <Table.Th>{t('reports.deadline')}</Table.Th>
            <Table.Th>{t('reports.breachedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {breaches.map((b) => (
            <Table.Tr key={`${b.ticketId}-${b.clock}`}>
              <Table.Td>
                <Anchor component={Link} to={`${ticketPath}/${b.ticketId}`}>
                  {b.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{b.title}</Table.Td>
              <Table.Td>
                <PriorityBadge priority={b.priority} />
              </Table.Td>
              <Table.Td>{b.clock === 'tto' ? t('reports.clockTto') : t('reports.clockTtr')}</Table.Td>
              <Table.Td>{formatInZone(b.deadline, timeZone)}</Table.Td>
              <Table.Td>{formatInZone(b.breachedAt, timeZone)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
