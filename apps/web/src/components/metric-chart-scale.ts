/** Pure arithmetic of the metric charts: nice axis ticks, gaps in a series, and nearest points for the readout. */

export interface ChartPoint {
  t: number;
  avg: number;
  min: number;
  max: number;
}

/** "Nice" tick values (1, 2, 2.5, 5 × 10^n) from 0 (or below) up to at least `max`. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const lo = Math.min(0, min);
  const hi = max <= lo ? lo + 1 : max;
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw) as number;
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = start; v < hi + step * 0.999; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

/** Splits a series where samples are missing (more than 2.5 intervals apart): the line is not drawn across a gap. */
export function segments(points: ChartPoint[], intervalMs: number): ChartPoint[][] {
  const out: ChartPoint[][] = [];
  let current: ChartPoint[] = [];
  for (const p of points) {
    const prev = current[current.length - 1];
    if (prev && p.t - prev.t > intervalMs * 2.5) {
      out.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The typical spacing of a series' samples (median), for gap detection when the resolution says "raw". */
export function typicalInterval(points: ChartPoint[], fallbackMs: number): number {
  if (points.length < 3) return fallbackMs;
  const gaps = points
    .slice(1)
    .map((p, i) => p.t - (points[i] as ChartPoint).t)
    .sort((a, b) => a - b);
  return Math.max(gaps[Math.floor(gaps.length / 2)] as number, 1000);
}

/** The point closest in time to `t` (binary search over a sorted series). */
export function nearest(points: ChartPoint[], t: number): ChartPoint | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as ChartPoint).t < t) lo = mid;
    else hi = mid;
  }
  const a = points[lo] as ChartPoint;
  const b = points[hi] as ChartPoint;
  return Math.abs(a.t - t) <= Math.abs(b.t - t) ? a : b;
}

/** Time ticks: about `count` round instants (hours, then days) across [from, to]. */
export function timeTicks(from: number, to: number, count = 5): number[] {
  const span = to - from;
  const HOUR = 3_600_000;
  const steps = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 2 * 24 * HOUR, 7 * 24 * HOUR];
  const step = steps.find((s) => span / s <= count) ?? steps[steps.length - 1] ?? HOUR;
  const first = new Date(from);
  if (step >= 24 * HOUR) first.setHours(0, 0, 0, 0);
  else {
    const hours = step / HOUR;
    first.setMinutes(0, 0, 0);
    first.setHours(Math.ceil(first.getHours() / hours) * hours);
  }
  const ticks: number[] = [];
  for (let t = first.getTime(); t <= to; t += step) {
    if (t >= from) ticks.push(t);
  }
  return ticks;
}
