import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaReport } from '../api/report-endpoints';
import { PriorityBadge } from './priority-badge';

type Outcome = SlaReport['tto'];

function OutcomeCell({ outcome }: { outcome: Outcome }) {
  if (outcome.percent === null) return <Text c="dimmed">—</Text>;
  const color = outcome.percent >= 95 ? 'teal' : outcome.percent >= 80 ? 'orange' : 'red';
  return (
    <Text>
      <Text span fw={700} c={color}>
        {outcome.percent} %
      </Text>{' '}
      <Text span c="dimmed" size="sm">
        ({outcome.met}/{outcome.met + outcome.missed})
      </Text>
    </Text>
  );
}

/** TTO and TTR met per priority: where the misses are (a P1 missed weighs more than a P4). */
export function SlaReportByPriority({ rows }: { rows: SlaReport['slaByPriority'] }) {
  const { t } = useTranslation();
  return (
    <Table data-testid="sla-by-priority">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.priority')}</Table.Th>
          <Table.Th>{t('reports.clockTto')}</Table.Th>
          <Table.Th>{t('reports.clockTtr')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.priority} data-priority={row.priority}>
            <Table.Td>
              <PriorityBadge priority={row.priority} />
            </Table.Td>
            <Table.Td>
              <OutcomeCell outcome={row.tto} />
            </Table.Td>
            <Table.Td>
              <OutcomeCell outcome={row.ttr} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
