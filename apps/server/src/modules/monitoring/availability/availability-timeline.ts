/**
 * A check's or an asset's availability state over time, built from check changes.
 * - OK and WARNING are **up**: a warning is a threshold crossed (a disk 85 % full), the service still answers.
 * - Hard CRITICAL and UNREACHABLE are **down**: unreachable means a parent is down, so people cannot reach it either;
 *   the root cause is elsewhere, but the client lived the outage. Soft states change nothing (not confirmed yet).
 * - UNKNOWN counts neither way (the probe could not tell: a plugin error says nothing about the service), like no data.
 * An asset's state comes from its host checks when it has some (up while any of them is up: a silent agent on a host
 * that answers ping is not a host down), else from all its checks (down while any is down).
 */
import type { AvailabilityState } from '@vigie/domain';

export interface Timeline {
  initial: AvailabilityState;
  changes: { at: Date; state: AvailabilityState }[];
}

export function stateOfStatus(status: string | undefined): AvailabilityState {
  if (status === 'ok' || status === 'warning') return 'up';
  if (status === 'critical' || status === 'unreachable') return 'down';
  return 'unknown';
}

/** `anyUp`: up when one is up (host checks); else down when one is down (an asset's service checks). */
export function combineTimelines(timelines: readonly Timeline[], rule: 'anyUp' | 'anyDown'): Timeline {
  const states = timelines.map((t) => t.initial);
  const pick = (): AvailabilityState => {
    const first: AvailabilityState = rule === 'anyUp' ? 'up' : 'down';
    const second: AvailabilityState = rule === 'anyUp' ? 'down' : 'up';
    if (states.includes(first)) return first;
    return states.includes(second) ? second : 'unknown';
  };
  const events = timelines
    .flatMap((t, index) => t.changes.map((c) => ({ ...c, index })))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const initial = pick();
  const changes: Timeline['changes'] = [];
  let current = initial;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as (typeof events)[number];
    states[event.index] = event.state;
    const next = events[i + 1];
    if (next && next.at.getTime() === event.at.getTime()) continue;
    const state = pick();
    if (state !== current) {
      changes.push({ at: event.at, state });
      current = state;
    }
  }
  return { initial, changes };
}
