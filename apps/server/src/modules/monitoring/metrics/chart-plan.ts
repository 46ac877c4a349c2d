/**
 * Where each part of a chart comes from. A chart gets one step (raw, 5 minutes, an hour or several) giving at most
 * about 600 points; the period is then cut into parts read from the source that holds them: the rollups where they
 * are complete, raw samples for the last minutes not rolled up yet, and the next coarser rollups where the finer
 * data was already deleted (those points are coarser than the step).
 */

import type { Watermarks } from './metric-rollup.repository.js';
import { bucketOf, FIVE_MINUTES, HOUR_MS, type MetricRetention, ONE_HOUR } from './rollup-policy.js';

/** About this many points per series at most (a chart's width in pixels, roughly). */
export const MAX_POINTS = 600;
/** Raw samples are assumed one a minute (the agent's pace) when sizing a chart. */
const RAW_PACE_MS = 60_000;
const FIVE_MS = FIVE_MINUTES * 1000;

export type PartSource = 'raw' | 'raw-buckets' | typeof FIVE_MINUTES | typeof ONE_HOUR;

export interface ChartPart {
  source: PartSource;
  from: number;
  to: number;
  /** Bucket width the part is grouped into (ms); 0 for raw samples as they are. */
  stepMs: number;
}

export interface ChartPlan {
  /** The step of the chart in seconds, 0 for raw samples. */
  stepSeconds: number;
  parts: ChartPart[];
}

/** The step giving at most ~600 points over the span: raw, 5 minutes, one hour, or whole hours. */
export function chartStepSeconds(spanMs: number): number {
  if (spanMs <= MAX_POINTS * RAW_PACE_MS) return 0;
  if (spanMs <= MAX_POINTS * FIVE_MS) return FIVE_MINUTES;
  return Math.ceil(spanMs / MAX_POINTS / HOUR_MS) * ONE_HOUR;
}

/**
 * The parts of [from, to) at `now`. Raw samples are kept from `rawFloor` on and 5-minute rollups from `fiveFloor`
 * on: the rollup job deletes nothing younger, nor anything not yet rolled up into the next resolution.
 */
export function planChart(
  from: number,
  to: number,
  now: number,
  marks: Watermarks | null,
  retention: MetricRetention,
): ChartPlan {
  const stepSeconds = chartStepSeconds(to - from);
  const w5 = marks?.fiveMinutes ?? 0;
  const wH = marks?.hourly ?? 0;
  const rawFloor = Math.min(ceilTo(now - retention.rawMs, FIVE_MS), wH);
  const fiveFloor = Math.min(ceilTo(now - retention.fiveMinuteMs, HOUR_MS), wH);
  const parts: ChartPart[] = [];
  const add = (source: PartSource, start: number, end: number, stepMs: number) => {
    const a = Math.max(start, from);
    const b = Math.min(end, to);
    if (a < b) parts.push({ source, from: a, to: b, stepMs });
  };
  if (stepSeconds === 0) {
    add('raw', rawFloor, to, 0);
    add(FIVE_MINUTES, fiveFloor, rawFloor, FIVE_MS);
    add(ONE_HOUR, from, fiveFloor, HOUR_MS);
    return { stepSeconds, parts };
  }
  const stepMs = stepSeconds * 1000;
  from = bucketOf(from, stepMs);
  add('raw-buckets', w5, to, stepMs);
  if (stepSeconds === FIVE_MINUTES) {
    add(FIVE_MINUTES, fiveFloor, w5, stepMs);
    add(ONE_HOUR, from, fiveFloor, HOUR_MS);
  } else {
    add(FIVE_MINUTES, wH, w5, stepMs);
    add(ONE_HOUR, from, wH, stepMs);
  }
  return { stepSeconds, parts };
}

function ceilTo(at: number, widthMs: number): number {
  const floor = bucketOf(at, widthMs);
  return floor === at ? at : floor + widthMs;
}
