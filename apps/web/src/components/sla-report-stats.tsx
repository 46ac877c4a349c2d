import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaReport } from '../api/report-endpoints';

/** The month's ticket counts as four figures. */
export function SlaReportStats({ report }: { report: SlaReport }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'opened', label: t('reports.opened'), value: report.tickets.opened },
    { key: 'resolved', label: t('reports.resolved'), value: report.tickets.resolved },
    { key: 'closed', label: t('reports.closed'), value: report.tickets.closed },
    { key: 'outOfScope', label: t('reports.outOfScope'), value: report.tickets.outOfScope },
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      {figures.map((f) => (
        <Paper key={f.key} withBorder p="sm" data-testid={`stat-${f.key}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {f.label}
          </Text>
          <Text fw={700} size="xl">
            {f.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
