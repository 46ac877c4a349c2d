import type { CheckStatus } from '@vigie/domain';

/**
 * Warn/crit thresholds shared by the probes, Nagios-style: a value strictly beyond a threshold raises it, so a
 * latency of exactly `warnMs` is still OK. An absent threshold never raises.
 */
export type Direction = 'above' | 'below';

/** The status of `value` against optional warn/crit thresholds, pointing `above` (latency) or `below` (charge). */
export function thresholdStatus(
  value: number,
  warn: number | undefined,
  crit: number | undefined,
  direction: Direction = 'above',
): CheckStatus {
  const beyond = (limit: number | undefined) =>
    limit !== undefined && (direction === 'above' ? value > limit : value < limit);
  if (beyond(crit)) return 'critical';
  if (beyond(warn)) return 'warning';
  return 'ok';
}

/** A note naming the threshold a status came from, for the output line ("", " (warning above 200 ms)"). */
export function thresholdNote(
  status: CheckStatus,
  warn: number | undefined,
  crit: number | undefined,
  direction: Direction,
  unit: string,
): string {
  const limit = status === 'critical' ? crit : status === 'warning' ? warn : undefined;
  if (limit === undefined) return '';
  return ` (${status} ${direction} ${limit}${unit})`;
}

const SEVERITY: Record<CheckStatus, number> = { ok: 0, unknown: 1, warning: 2, critical: 3 };

/** The worse of two statuses (CRITICAL > WARNING > UNKNOWN > OK), for a check with several criteria. */
export function worst(a: CheckStatus, b: CheckStatus): CheckStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}
