import { Box, Group, Paper, Text } from '@mantine/core';
import { type KeyboardEvent, type PointerEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricSeriesView } from '../api/monitoring-setup-endpoints';
import { currentLanguage } from '../i18n';
import { type ChartPoint, nearest, niceTicks, segments, timeTicks, typicalInterval } from './metric-chart-scale';

const WIDTH = 640;
const HEIGHT = 190;
const PAD = { top: 14, right: 12, bottom: 24, left: 52 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const COLORS = ['blue', 'teal', 'grape', 'orange', 'cyan', 'pink'];

export interface ChartLine {
  key: string;
  label: string;
  series: MetricSeriesView;
}

/** A value with its unit, rounded for reading ("42.5 %", "120 ms", "1.2 MB/s"). */
export function formatValue(value: number, unit: string | null): string {
  if (unit === 'B/s' || unit === 'bytes/s') {
    const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
    let v = value;
    let i = 0;
    while (Math.abs(v) >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return `${v.toFixed(v >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
  }
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toFixed(digits);
  if (!unit) return text;
  return unit === '%' ? `${text} %` : `${text} ${unit}`;
}

/**
 * A small line chart drawn by hand in SVG: one line per series over [from, to], a light min–max band where the
 * series is rolled up (each point stands for several samples), time and value axes, and a readout that follows the
 * pointer (or the arrow keys once the chart has focus).
 */
export function MetricChart({
  title,
  lines,
  from,
  to,
  yMax,
  testId,
}: {
  title: string;
  lines: ChartLine[];
  from: number;
  to: number;
  /** A fixed top of the scale (100 for percentages); otherwise the largest value. */
  yMax?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB';
  const svgRef = useRef<SVGSVGElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const clipId = useId();

  const data = useMemo(
    () =>
      lines.map((line, i) => {
        const points: ChartPoint[] = line.series.points
          .map((p) => ({ t: new Date(p.t).getTime(), avg: p.avg, min: p.min, max: p.max }))
          .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.avg))
          .sort((a, b) => a.t - b.t);
        const rolled = line.series.resolutionSeconds > 0;
        const interval = rolled ? line.series.resolutionSeconds * 1000 : typicalInterval(points, 60_000);
        return { ...line, points, rolled, interval, color: COLORS[i % COLORS.length] as string };
      }),
    [lines],
  );
  const unit = lines[0]?.series.unit ?? null;
  const all = data.flatMap((d) => d.points);
  const top = yMax ?? Math.max(...all.map((p) => (data.some((d) => d.rolled) ? p.max : p.avg)), 0);
  const bottom = Math.min(0, ...all.map((p) => p.min));
  const yTicks = niceTicks(bottom, top);
  const yLo = yTicks[0] ?? 0;
  const yHi = yTicks[yTicks.length - 1] ?? 1;
  const x = (time: number) => PAD.left + ((time - from) / Math.max(1, to - from)) * PLOT_W;
  const y = (value: number) => PAD.top + PLOT_H - ((value - yLo) / Math.max(1e-9, yHi - yLo)) * PLOT_H;
  const span = to - from;
  const tickLabel = (time: number) =>
    new Date(time).toLocaleString(
      locale,
      span <= 36 * 3_600_000 ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short' },
    );

  // the readout: the nearest point of each line to the cursor's instant
  const readout =
    cursor === null
      ? []
      : data
          .map((d) => ({ d, p: nearest(d.points, cursor) }))
          .filter((r): r is { d: (typeof data)[number]; p: ChartPoint } => r.p !== null);
  const readoutTime = readout[0]?.p.t ?? null;

  const onPointer = (event: PointerEvent<SVGSVGElement>) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    const vx = ((event.clientX - rect.left) / rect.width) * WIDTH;
    if (vx < PAD.left || vx > WIDTH - PAD.right) return setCursor(null);
    setCursor(from + ((vx - PAD.left) / PLOT_W) * span);
  };
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const times = (data[0]?.points ?? []).map((p) => p.t);
    if (times.length === 0) return;
    const index = readoutTime === null ? -1 : times.indexOf(readoutTime);
    let next: number | null = null;
    if (event.key === 'ArrowLeft') next = index <= 0 ? times.length - 1 : index - 1;
    else if (event.key === 'ArrowRight') next = index < 0 || index >= times.length - 1 ? 0 : index + 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = times.length - 1;
    else if (event.key === 'Escape') return setCursor(null);
    if (next === null) return;
    event.preventDefault();
    setCursor(times[next] as number);
  };

  const latest = data
    .map((d) => {
      const last = d.points[d.points.length - 1];
      return last ? `${d.label} ${formatValue(last.avg, unit)}` : null;
    })
    .filter(Boolean)
    .join(', ');
  const empty = all.length === 0;

  return (
    <Paper withBorder p="sm" component="figure" m={0} data-testid={testId} aria-label={title}>
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size="sm" fw={600} component="figcaption">
          {title}
        </Text>
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="chart-readout" ta="right">
          {readoutTime !== null
            ? `${new Date(readoutTime).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })} · ${readout
                .map(
                  ({ d, p }) =>
                    `${lines.length > 1 ? `${d.label} ` : ''}${formatValue(p.avg, unit)}${
                      d.rolled && p.min !== p.max ? ` (${formatValue(p.min, unit)}–${formatValue(p.max, unit)})` : ''
                    }`,
                )
                .join(' · ')}`
            : latest}
        </Text>
      </Group>
      <Box pos="relative">
        <svg
          ref={svgRef}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          role="img"
          aria-label={empty ? `${title}: ${t('monitoringSetup.chart.noData')}` : `${title}: ${latest}`}
          tabIndex={empty ? undefined : 0}
          onPointerMove={onPointer}
          onPointerLeave={() => setCursor(null)}
          onKeyDown={onKey}
          onBlur={() => setCursor(null)}
          style={{ display: 'block', touchAction: 'pan-y', outlineOffset: 2 }}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={PAD.left} y={PAD.top} width={PLOT_W} height={PLOT_H} />
            </clipPath>
          </defs>
          {yTicks.map((v) => (
            <g key={v}>
              <line
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={y(v)}
                y2={y(v)}
                stroke="var(--mantine-color-default-border)"
                strokeDasharray={v === yLo ? undefined : '2 3'}
              />
              <text x={PAD.left - 6} y={y(v) + 3} fontSize={10} textAnchor="end" fill="var(--mantine-color-dimmed)">
                {unit === 'B/s' || unit === 'bytes/s' ? formatValue(v, unit) : String(Number(v.toFixed(2)))}
              </text>
            </g>
          ))}
          {timeTicks(from, to).map((time) => (
            <g key={time}>
              <line
                x1={x(time)}
                x2={x(time)}
                y1={PAD.top + PLOT_H}
                y2={PAD.top + PLOT_H + 4}
                stroke="var(--mantine-color-default-border)"
              />
              <text x={x(time)} y={HEIGHT - 6} fontSize={10} textAnchor="middle" fill="var(--mantine-color-dimmed)">
                {tickLabel(time)}
              </text>
            </g>
          ))}
          {unit && unit !== 'B/s' && unit !== 'bytes/s' && (
            <text x={4} y={PAD.top + 2} fontSize={10} fill="var(--mantine-color-dimmed)">
              {unit}
            </text>
          )}
          <g clipPath={`url(#${clipId})`}>
            {data.map((d) =>
              segments(d.points, d.interval).map((seg) => {
                const first = seg[0] as ChartPoint;
                const last = seg[seg.length - 1] as ChartPoint;
                const line = seg.map((p) => `${x(p.t).toFixed(1)},${y(p.avg).toFixed(1)}`).join(' L');
                const band =
                  d.rolled && seg.some((p) => p.max !== p.min)
                    ? `M${seg.map((p) => `${x(p.t).toFixed(1)},${y(p.max).toFixed(1)}`).join(' L')} L${[...seg]
                        .reverse()
                        .map((p) => `${x(p.t).toFixed(1)},${y(p.min).toFixed(1)}`)
                        .join(' L')} Z`
                    : null;
                const area =
                  data.length === 1
                    ? `M${x(first.t).toFixed(1)},${y(yLo)} L${line} L${x(last.t).toFixed(1)},${y(yLo)} Z`
                    : null;
                return (
                  <g key={`${d.key}-${first.t}`} data-series={d.series.name}>
                    {area && <path d={area} fill={`var(--mantine-color-${d.color}-6)`} fillOpacity={0.08} />}
                    {band && (
                      <path d={band} fill={`var(--mantine-color-${d.color}-6)`} fillOpacity={0.18} data-band="minmax" />
                    )}
                    {seg.length === 1 ? (
                      <circle cx={x(first.t)} cy={y(first.avg)} r={2} fill={`var(--mantine-color-${d.color}-6)`} />
                    ) : (
                      <path
                        d={`M${line}`}
                        fill="none"
                        stroke={`var(--mantine-color-${d.color}-6)`}
                        strokeWidth={1.6}
                        strokeLinejoin="round"
                      />
                    )}
                  </g>
                );
              }),
            )}
          </g>
          {readoutTime !== null && (
            <g pointerEvents="none">
              <line
                x1={x(readoutTime)}
                x2={x(readoutTime)}
                y1={PAD.top}
                y2={PAD.top + PLOT_H}
                stroke="var(--mantine-color-gray-6)"
                strokeDasharray="3 3"
              />
              {readout.map(({ d, p }) => (
                <circle
                  key={d.key}
                  cx={x(p.t)}
                  cy={y(p.avg)}
                  r={3.5}
                  fill="var(--mantine-color-body)"
                  stroke={`var(--mantine-color-${d.color}-6)`}
                  strokeWidth={2}
                />
              ))}
            </g>
          )}
          {empty && (
            <text
              x={PAD.left + PLOT_W / 2}
              y={PAD.top + PLOT_H / 2}
              fontSize={12}
              textAnchor="middle"
              fill="var(--mantine-color-dimmed)"
            >
              {t('monitoringSetup.chart.noData')}
            </text>
          )}
        </svg>
      </Box>
      {data.length > 1 && (
        <Group gap="md" mt={4}>
          {data.map((d) => (
            <Group key={d.key} gap={4}>
              <Box w={10} h={3} bg={`${d.color}.6`} aria-hidden />
              <Text size="xs">{d.label}</Text>
            </Group>
          ))}
        </Group>
      )}
      {data.some((d) => d.rolled) && !empty && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('monitoringSetup.chart.band')}
        </Text>
      )}
    </Paper>
  );
}
