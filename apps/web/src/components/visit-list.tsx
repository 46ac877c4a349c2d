import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { interventionsApi } from '../api/work-endpoints';
import type { Intervention } from '../api/work-types';
import { formatDuration } from '../lib/format-duration';
import { formatInstant } from '../lib/format-instant';
import { VisitStatusBadge } from './visit-status-badge';

/** The visits of a ticket with their status; planned ones may be closed with a report or cancelled. */
export function VisitList({
  visits,
  canRun,
  onReport,
  onCancel,
}: {
  visits: Intervention[];
  canRun: boolean;
  onReport: (visit: Intervention) => void;
  onCancel: (visit: Intervention) => void;
}) {
  const { t } = useTranslation();
  const span = (minutes: number) => formatDuration(t, minutes, { days: false });
  if (visits.length === 0) return <Text c="dimmed">{t('visits.empty')}</Text>;

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('visits.list')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('visits.start')}</Table.Th>
            <Table.Th>{t('visits.site')}</Table.Th>
            <Table.Th>{t('visits.technician')}</Table.Th>
            <Table.Th>{t('visits.durationTravel')}</Table.Th>
            <Table.Th>{t('visits.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visits.map((visit) => (
            <Table.Tr key={visit.id} data-visit-id={visit.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(visit.scheduledStart)}</Table.Td>
              <Table.Td>{visit.site.name}</Table.Td>
              <Table.Td>{visit.technician.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('visits.durationPlusTravel', {
                  duration: span(visit.durationMinutes),
                  travel: span(visit.travelMinutes),
                })}
              </Table.Td>
              <Table.Td>
                <VisitStatusBadge status={visit.status} />
                {visit.signedBy && (
                  <Text size="xs" c="dimmed">
                    {t('visits.signedByOn', { name: visit.signedBy, when: formatInstant(visit.signedAt) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {visit.status === 'planned' && canRun && (
                    <>
                      <Button size="xs" color="teal" onClick={() => onReport(visit)}>
                        {t('visits.closeWithReport')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => onCancel(visit)}>
                        {t('visits.cancel')}
                      </Button>
                    </>
                  )}
                  {visit.status === 'done' && (
                    <Anchor
                      href={interventionsApi.pdfUrl(visit.id)}
                      download
                      size="sm"
                      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
                    >
                      <IconFileTypePdf size={16} aria-hidden />
                      {t('visits.downloadPdf')}
                    </Anchor>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
