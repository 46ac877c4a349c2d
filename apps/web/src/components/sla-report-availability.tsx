import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaReport } from '../api/report-endpoints';
import { currentLanguage } from '../i18n';
import { formatDuration } from '../lib/format-duration';

type Row = SlaReport['availability'][number];

/** Green from 99.9 %, orange from 99 %, red below (a month has 43,200 minutes: 99 % is over seven hours down). */
function color(percent: number | null): string | undefined {
  if (percent === null) return 'dimmed';
  return percent >= 99.9 ? 'teal' : percent >= 99 ? 'orange' : 'red';
}

/**
 * Availability of the client's monitored assets over the month, outside maintenance windows (DOMAIN §6), in the
 * order the server gives (the least available first, those without data last). "—" where nothing was known.
 */
export function SlaReportAvailability({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('reports.noAvailability')}</Text>;
  const number = new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 3 });
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped data-testid="availability-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.asset')}</Table.Th>
            <Table.Th ta="right">{t('reports.availabilityPercent')}</Table.Th>
            <Table.Th ta="right">{t('reports.downMinutes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.assetId} data-testid={`availability-${row.assetId}`}>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td ta="right">
                <Text span size="sm" fw={600} c={color(row.percent)} style={{ whiteSpace: 'nowrap' }}>
                  {row.percent === null ? '—' : `${number.format(row.percent)} %`}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {row.downMinutes === null ? '—' : formatDuration(t, row.downMinutes, { days: false })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
