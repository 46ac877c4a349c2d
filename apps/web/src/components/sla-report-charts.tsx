import { Box, Group, Paper, RingProgress, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A titled card holding one chart; the title doubles as the chart's accessible name. */
export function ChartCard({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={4} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A share met, as a ring: green from 95 %, orange from 80 %, red below; grey when nothing fell due. */
export function MetGauge({ percent, label, detail }: { percent: number | null; label: string; detail: string }) {
  const color = percent === null ? 'gray' : percent >= 95 ? 'teal' : percent >= 80 ? 'orange' : 'red';
  const text = percent === null ? '—' : `${percent} %`;
  return (
    <Group gap="md" wrap="nowrap">
      <RingProgress
        size={120}
        thickness={12}
        roundCaps
        sections={[{ value: percent ?? 0, color }]}
        label={
          <Text ta="center" fw={700} size="md" style={{ whiteSpace: 'nowrap' }}>
            {text}
          </Text>
        }
        role="img"
        aria-label={`${label}: ${text}`}
      />
      <Text size="sm" c="dimmed">
        {detail}
      </Text>
    </Group>
  );
}

export interface BarRow {
  key: string;
  label: string;
  value: number;
  color?: string;
}

/** Horizontal bars scaled on the largest value, each with its figure: reads at a glance and prints well. */
export function BarList({ rows, testId }: { rows: BarRow[]; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Stack gap={6} data-testid={testId}>
      {rows.map((row) => (
        <Group key={row.key} gap="xs" wrap="nowrap" data-bar={row.key} data-value={row.value}>
          <Text size="sm" w={150} truncate="end" title={row.label}>
            {row.label}
          </Text>
          <Box style={{ flex: 1 }} h={16} bg="gray.1" aria-hidden>
            <Box
              h={16}
              bg={`${row.color ?? 'blue'}.6`}
              style={{ width: `${(row.value / max) * 100}%`, borderRadius: 2 }}
            />
          </Box>
          <Text size="sm" w={36} ta="right" fw={600}>
            {row.value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Opened (blue) and resolved (teal) side by side for each day of the month, drawn in SVG. */
export function DailyChart({ days }: { days: { date: string; opened: number; resolved: number }[] }) {
  const { t } = useTranslation();
  const height = 140;
  const slot = 22;
  const bar = 8;
  const max = Math.max(1, ...days.flatMap((d) => [d.opened, d.resolved]));
  const scale = (v: number) => (v / max) * (height - 20);
  const width = days.length * slot;
  return (
    <Box style={{ overflowX: 'auto' }}>
      <svg
        viewBox={`0 0 ${width} ${height + 16}`}
        width="100%"
        style={{ minWidth: width, maxHeight: 200 }}
        role="img"
        aria-label={t('reports.daily')}
        data-testid="daily-chart"
      >
        <line x1={0} x2={width} y1={height} y2={height} stroke="var(--mantine-color-gray-4)" />
        {days.map((d, i) => {
          const x = i * slot + 3;
          return (
            <g key={d.date}>
              <title>{`${d.date}: ${t('reports.opened')} ${d.opened}, ${t('reports.resolved')} ${d.resolved}`}</title>
              <rect
                x={x}
                y={height - scale(d.opened)}
                width={bar}
                height={scale(d.opened)}
                fill="var(--mantine-color-blue-6)"
              />
              <rect
                x={x + bar}
                y={height - scale(d.resolved)}
                width={bar}
                height={scale(d.resolved)}
                fill="var(--mantine-color-teal-6)"
              />
              {(i === 0 || (i + 1) % 5 === 0) && (
                <text x={x + bar} y={height + 12} fontSize={9} textAnchor="middle" fill="currentColor">
                  {Number(d.date.slice(8))}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4}>
        <Legend color="blue" label={t('reports.opened')} />
        <Legend color="teal" label={t('reports.resolved')} />
      </Group>
    </Box>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4}>
      <Box w={10} h={10} bg={`${color}.6`} aria-hidden />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
