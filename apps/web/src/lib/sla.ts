import type { SlaClockView, TicketSla } from '../api/types';
import type { SlaClockName } from './enums';

/** How a clock looks: green, orange, red, grey, or finished (met or missed). */
export type SlaState = 'ok' | 'warning' | 'breached' | 'paused' | 'stopped';

const MINUTE = 60_000;
const RANK: Record<SlaState, number> = { stopped: 0, paused: 1, ok: 2, warning: 3, breached: 4 };

/**
 * The state of one clock at `now`. The server's flags are trusted, and the instants too, so that a badge turns
 * orange or red on time between two refreshes of the list.
 */
export function clockState(clock: SlaClockView, now: number): SlaState {
  if (clock.status === 'stopped') return 'stopped';
  if (clock.status === 'paused') return 'paused';
  if (clock.breached || (clock.deadline !== null && Date.parse(clock.deadline) <= now)) return 'breached';
  if (clock.warned || (clock.warningAt !== null && Date.parse(clock.warningAt) <= now)) return 'warning';
  return 'ok';
}

/**
 * Minutes left (negative when overdue). A running clock counts to its deadline in wall-clock time (what the
 * deadline in the tooltip says); a paused one has its remaining business budget, frozen until it resumes.
 */
export function minutesLeft(clock: SlaClockView, now: number): number {
  if (clock.status === 'running' && clock.deadline !== null) {
    return Math.round((Date.parse(clock.deadline) - now) / MINUTE);
  }
  return Math.round(clock.budgetMinutes - clock.consumedMinutes);
}

export interface NamedClock {
  name: SlaClockName;
  clock: SlaClockView;
}

/** The clock a queue shows: take-charge (TTO) while nobody owns the ticket, resolution (TTR) afterwards. */
export function nearestClock(sla: TicketSla): NamedClock | null {
  if (sla.tto && sla.tto.status !== 'stopped') return { name: 'tto', clock: sla.tto };
  if (sla.ttr) return { name: 'ttr', clock: sla.ttr };
  if (sla.tto) return { name: 'tto', clock: sla.tto };
  return null;
}

/** The worst state among a ticket's clocks: a breached OLA turns the row red even when the TTR is fine. */
export function worstState(sla: TicketSla, now: number): SlaState | null {
  const clocks = [sla.tto, sla.ttr, sla.ola].filter((c): c is SlaClockView => c !== null);
  if (clocks.length === 0) return null;
  return clocks.map((c) => clockState(c, now)).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
}
