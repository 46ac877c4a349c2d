/**
 * Maintenance windows (DOMAIN §6) silence alerts and tickets while they last; a problem still present when a window
 * ends is raised at that moment (a monitoring tool that forgets it loses the incident). Windows here are concrete
 * intervals [start, end); recurring windows are expanded to their occurrences before they reach these rules.
 */
export interface Interval {
  start: Date;
  end: Date;
}

export function inMaintenance(windows: readonly Interval[], at: Date): boolean {
  const t = at.getTime();
  return windows.some((w) => w.start.getTime() <= t && t < w.end.getTime());
}

/**
 * When a problem that started at `problemStart` may be raised: at once outside maintenance, else at the end of the
 * (chained, overlapping or touching) windows covering it.
 */
export function raiseInstant(problemStart: Date, windows: readonly Interval[]): Date {
  let at = problemStart.getTime();
  const sorted = [...windows].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (let moved = true; moved; ) {
    moved = false;
    for (const w of sorted) {
      if (w.start.getTime() <= at && at < w.end.getTime()) {
        at = w.end.getTime();
        moved = true;
      }
    }
  }
  return new Date(at);
}

/** How much of [from, to) lies outside every window, in ms: the time availability is counted on. */
export function timeOutsideMaintenance(from: Date, to: Date, windows: readonly Interval[]): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  const clipped = windows
    .map((w) => [Math.max(start, w.start.getTime()), Math.min(end, w.end.getTime())] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let reach = start;
  for (const [a, b] of clipped) {
    if (b <= reach) continue;
    covered += b - Math.max(a, reach);
    reach = b;
  }
  return end - start - covered;
}
