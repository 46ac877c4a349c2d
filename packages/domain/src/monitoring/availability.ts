/**
 * Availability of a check or an asset over a period (DOMAIN §6): the share of the time it was up, counted only
 * outside maintenance windows and only while its state was known (no result yet, or UNKNOWN, counts neither way).
 * `changes` are the instants its hard state changed, oldest first; the state before the first one is `initial`.
 */
import { type Interval, timeOutsideMaintenance } from './maintenance.js';

export type AvailabilityState = 'up' | 'down' | 'unknown';

export interface Availability {
  /** 0…1, or null when nothing was known outside maintenance. */
  ratio: number | null;
  upMs: number;
  downMs: number;
}

export function availability(
  period: Interval,
  initial: AvailabilityState,
  changes: readonly { at: Date; state: AvailabilityState }[],
  maintenance: readonly Interval[],
): Availability {
  let upMs = 0;
  let downMs = 0;
  let state = initial;
  let from = period.start;
  // `from` and `to` always lie within the period: changes outside it only set the state in force.
  const count = (to: Date) => {
    const ms = timeOutsideMaintenance(from, to, maintenance);
    if (state === 'up') upMs += ms;
    else if (state === 'down') downMs += ms;
  };
  for (const change of changes) {
    if (change.at <= period.start) {
      state = change.state;
      continue;
    }
    if (change.at >= period.end) break;
    count(change.at);
    state = change.state;
    from = change.at;
  }
  count(period.end);
  const known = upMs + downMs;
  return { ratio: known === 0 ? null : upMs / known, upMs, downMs };
}
