import { Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssetMonitoring, assetMonitoringApi, type MetricSeriesView } from '../api/monitoring-setup-endpoints';
import { type ChartLine, MetricChart } from './metric-chart';
import { QueryState } from './query-state';

export const PERIODS = { '6h': 6, '24h': 24, '7d': 24 * 7, '30d': 24 * 30 } as const;
export type Period = keyof typeof PERIODS;

/** The part in brackets of a series name: `disk.used_percent[/var]` → `/var`. */
export function seriesTag(name: string): string | null {
  const match = /\[(.*)\]$/.exec(name);
  return match ? (match[1] as string) : null;
}

function isLatency(name: string): boolean {
  return name.includes('latency');
}

/** A latency series' label: the check it belongs to when its name carries the check's id, else the name. */
function latencyLabel(name: string, checks: AssetMonitoring['checks']): string {
  const check = checks.find((c) => name.includes(c.id));
  return check ? check.name : (seriesTag(name) ?? name);
}

/**
 * The asset's charts over a chosen period: CPU, memory, each disk (agent metrics) and the latency of the server's
 * checks. The series the server knows for the asset decide which charts appear.
 */
export function AssetMonitoringCharts({ monitoring }: { monitoring: AssetMonitoring }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('24h');
  // the end is rounded to the minute so that the query key holds still between re-renders
  const to = Math.ceil(Date.now() / 60_000) * 60_000;
  const from = to - PERIODS[period] * 3_600_000;
  const known = monitoring.series.map((s) => s.name);
  // server checks record `check.latency_ms[<checkId>]` on their asset; the prefix asks for all of them
  const names = 'cpu.percent,memory.used_percent,disk.used_percent*,check.latency_ms*';
  const metrics = useQuery({
    queryKey: ['asset-monitoring', monitoring.assetId, 'metrics', period, names, Math.floor(to / 60_000)],
    queryFn: () =>
      assetMonitoringApi.metrics(monitoring.assetId, {
        names,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const series = metrics.data?.series ?? [];
  const one = (name: string): ChartLine[] => {
    const s = series.find((x) => x.name === name);
    return s ? [{ key: name, label: name, series: s }] : [];
  };
  const disks = series
    .filter((s) => s.name.startsWith('disk.used_percent'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const latency: ChartLine[] = series
    .filter((s) => isLatency(s.name))
    .map((s: MetricSeriesView) => ({ key: s.name, label: latencyLabel(s.name, monitoring.checks), series: s }));
  const hasAgentSeries = monitoring.agent !== null || known.some((n) => n.startsWith('cpu.'));

  return (
    <Stack gap="sm" component="section" aria-labelledby="asset-charts-title">
      <Group justify="space-between">
        <Title order={3} size="h4" id="asset-charts-title">
          {t('monitoringSetup.tab.charts')}
        </Title>
        <SegmentedControl
          aria-label={t('monitoringSetup.tab.period')}
          size="xs"
          value={period}
          onChange={(v) => setPeriod(v as Period)}
          data={(Object.keys(PERIODS) as Period[]).map((p) => ({
            value: p,
            label: t(`monitoringSetup.tab.periods.${p}`),
          }))}
        />
      </Group>
      <QueryState isLoading={metrics.isLoading} error={metrics.error} />
      {metrics.data && !hasAgentSeries && latency.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('monitoringSetup.tab.noSeries')}
        </Text>
      )}
      {metrics.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="asset-charts">
          {hasAgentSeries && (
            <>
              <MetricChart
                title={t('monitoringSetup.tab.cpuChart')}
                lines={one('cpu.percent')}
                from={from}
                to={to}
                yMax={100}
                testId="chart-cpu"
              />
              <MetricChart
                title={t('monitoringSetup.tab.memory')}
                lines={one('memory.used_percent')}
                from={from}
                to={to}
                yMax={100}
                testId="chart-memory"
              />
              {disks.map((s) => (
                <MetricChart
                  key={s.name}
                  title={t('monitoringSetup.tab.disk', { mount: seriesTag(s.name) ?? '/' })}
                  lines={[{ key: s.name, label: seriesTag(s.name) ?? s.name, series: s }]}
                  from={from}
                  to={to}
                  yMax={100}
                  testId="chart-disk"
                />
              ))}
            </>
          )}
          {latency.length > 0 && (
            <MetricChart
              title={t('monitoringSetup.tab.latency')}
              lines={latency}
              from={from}
              to={to}
              testId="chart-latency"
            />
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
