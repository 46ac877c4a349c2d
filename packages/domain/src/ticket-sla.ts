/**
 * The SLA of one ticket: its time-to-own and time-to-resolve clocks, and the OLA clock of the support level that
 * holds it (DOMAIN §4), kept together so that every ticket change is one pure step: open, apply a status move,
 * change priority or contract, change level, fire milestones.
 *
 * Rules:
 * - Each clock counts on the contract's calendar, or around the clock in the calendar's zone when the priority's
 *   target says so. The OLA always counts on the contract's calendar.
 * - A retarget (priority or contract change) pauses each running clock on the old calendar and resumes it with
 *   the new budget on the new one: consumed business time is kept, the deadline is recomputed (never from the
 *   creation date).
 * - A level change stops the old level's OLA clock and starts the new level's (when the contract sets one).
 * - A milestone is named `clock:milestone` (`ttr:breach`, `ola:N2:warning`) and fires once per ticket.
 */
import type { BusinessCalendar } from './calendar.js';
import type { Priority, SlaPolicy } from './contract.js';
import type { SupportLevel } from './roles.js';
import {
  changeBudget,
  clockStatus,
  milestoneInstant,
  milestonesDue,
  pauseClock,
  resumeClock,
  roundTheClock,
  type SlaClock,
  type SlaMilestone,
  startClock,
  stopClock,
} from './sla-clock.js';
import type { SlaEffect } from './ticket-lifecycle.js';

export type SlaClockName = 'tto' | 'ttr' | 'ola';

/** What a contract gives a ticket: where time counts and the targets. */
export interface SlaTerms {
  calendar: BusinessCalendar;
  policy: SlaPolicy;
}

export interface TicketSla {
  timeZone: string;
  warningPercent: number;
  tto: SlaClock | null;
  ttr: SlaClock | null;
  ola: { level: SupportLevel; clock: SlaClock } | null;
  /** Milestones already fired, as `clock:milestone` keys. */
  fired: readonly string[];
}

export interface MilestoneDue {
  /** `tto`, `ttr`, or `ola:N2`. */
  clock: string;
  milestone: SlaMilestone;
  /** When it became due (the instant the threshold was crossed). */
  dueAt: Date;
}

function calendarOf(terms: SlaTerms, priority: Priority, clock: SlaClockName): BusinessCalendar {
  if (clock !== 'ola' && terms.policy.targets[priority].aroundTheClock) return roundTheClock(terms.calendar.timeZone);
  return terms.calendar;
}

function olaBudget(terms: SlaTerms, level: SupportLevel): number | null {
  return terms.policy.olaMinutes[`N${level}`] ?? null;
}

function olaKey(level: SupportLevel): string {
  return `ola:N${level}`;
}

/** The clocks of a new ticket: TTO and TTR start now, with the OLA of its entry level when the contract sets one. */
export function openTicketSla(terms: SlaTerms, priority: Priority, level: SupportLevel, at: Date): TicketSla {
  const target = terms.policy.targets[priority];
  const olaMinutes = olaBudget(terms, level);
  return {
    timeZone: terms.calendar.timeZone,
    warningPercent: terms.policy.warningPercent,
    tto: startClock(calendarOf(terms, priority, 'tto'), target.ttoMinutes, at),
    ttr: startClock(calendarOf(terms, priority, 'ttr'), target.ttrMinutes, at),
    ola: olaMinutes === null ? null : { level, clock: startClock(terms.calendar, olaMinutes, at) },
    fired: [],
  };
}

/**
 * A status move's effect on the clocks ({@link SlaEffect}): TTO stops when a named technician owns the ticket;
 * TTR pauses, resumes or stops; the OLA follows TTR (a level does not hold a ticket that waits on the client).
 */
export function applySlaEffect(
  sla: TicketSla,
  terms: SlaTerms,
  priority: Priority,
  effect: SlaEffect,
  at: Date,
): TicketSla {
  const ttoCalendar = calendarOf(terms, priority, 'tto');
  const ttrCalendar = calendarOf(terms, priority, 'ttr');
  const move = (clock: SlaClock, calendar: BusinessCalendar): SlaClock => {
    switch (effect.ttr) {
      case 'pause':
        return pauseClock(clock, calendar, at);
      case 'resume':
        return resumeClock(clock, calendar, at);
      case 'stop':
        return stopClock(clock, calendar, at);
      default:
        return clock;
    }
  };
  return {
    ...sla,
    tto: sla.tto && effect.tto === 'stop' ? stopClock(sla.tto, ttoCalendar, at) : sla.tto,
    ttr: sla.ttr ? move(sla.ttr, ttrCalendar) : null,
    ola: sla.ola ? { ...sla.ola, clock: move(sla.ola.clock, terms.calendar) } : null,
  };
}

function retargetClock(
  clock: SlaClock,
  from: BusinessCalendar,
  to: BusinessCalendar,
  budgetMinutes: number,
  at: Date,
): SlaClock {
  if (from === to) return changeBudget(clock, to, budgetMinutes, at);
  const running = clockStatus(clock) === 'running';
  const paused = changeBudget(pauseClock(clock, from, at), to, budgetMinutes, at);
  return running ? resumeClock(paused, to, at) : paused;
}

/**
 * New targets for a ticket whose priority or contract changed: consumed time is kept on every clock and the new
 * budget applies; a budget already overrun puts the deadline in the past (the ticket is breached).
 */
export function retargetTicketSla(
  sla: TicketSla,
  before: { terms: SlaTerms; priority: Priority },
  after: { terms: SlaTerms; priority: Priority },
  at: Date,
): TicketSla {
  const target = after.terms.policy.targets[after.priority];
  const moved = (name: 'tto' | 'ttr', minutes: number) => {
    const clock = sla[name];
    if (!clock) return null;
    return retargetClock(
      clock,
      calendarOf(before.terms, before.priority, name),
      calendarOf(after.terms, after.priority, name),
      minutes,
      at,
    );
  };
  let ola = sla.ola;
  if (ola) {
    const minutes = olaBudget(after.terms, ola.level);
    ola =
      minutes === null
        ? null
        : { ...ola, clock: retargetClock(ola.clock, before.terms.calendar, after.terms.calendar, minutes, at) };
  }
  return {
    ...sla,
    timeZone: after.terms.calendar.timeZone,
    warningPercent: after.terms.policy.warningPercent,
    tto: moved('tto', target.ttoMinutes),
    ttr: moved('ttr', target.ttrMinutes),
    ola,
  };
}

/**
 * The ticket moves to another support level: the old level's OLA stops, the new level's starts (running only when
 * the resolution clock runs, paused otherwise).
 */
export function changeSlaLevel(sla: TicketSla, terms: SlaTerms, level: SupportLevel, at: Date): TicketSla {
  const minutes = olaBudget(terms, level);
  if (minutes === null) return { ...sla, ola: null };
  let clock = startClock(terms.calendar, minutes, at);
  if (sla.ttr && clockStatus(sla.ttr) !== 'running') clock = pauseClock(clock, terms.calendar, at);
  return { ...sla, ola: { level, clock } };
}

interface NamedClock {
  key: string;
  clock: SlaClock;
  calendar: BusinessCalendar;
}

function namedClocks(sla: TicketSla, terms: SlaTerms, priority: Priority): NamedClock[] {
  const list: NamedClock[] = [];
  if (sla.tto) list.push({ key: 'tto', clock: sla.tto, calendar: calendarOf(terms, priority, 'tto') });
  if (sla.ttr) list.push({ key: 'ttr', clock: sla.ttr, calendar: calendarOf(terms, priority, 'ttr') });
  if (sla.ola) list.push({ key: olaKey(sla.ola.level), clock: sla.ola.clock, calendar: terms.calendar });
  return list;
}

/** The nearest running deadline of TTO and TTR (what queues sort by), or null when neither runs. */
export function nearestDeadline(sla: TicketSla | null): Date | null {
  if (!sla) return null;
  let nearest: Date | null = null;
  for (const clock of [sla.tto, sla.ttr]) {
    if (clock?.deadline && (!nearest || clock.deadline < nearest)) nearest = clock.deadline;
  }
  return nearest;
}

/** When the scheduler must next look at this ticket: the earliest milestone not yet fired of a running clock. */
export function nextMilestoneAt(sla: TicketSla | null, terms: SlaTerms, priority: Priority): Date | null {
  if (!sla) return null;
  let next: Date | null = null;
  for (const { key, clock, calendar } of namedClocks(sla, terms, priority)) {
    for (const milestone of ['warning', 'breach'] as const) {
      if (sla.fired.includes(`${key}:${milestone}`)) continue;
      const instant = milestoneInstant(clock, calendar, milestone, sla.warningPercent);
      if (instant && (!next || instant < next)) next = instant;
    }
  }
  return next;
}

/** Milestones reached at `at` and not fired yet, each with the instant it became due. */
export function dueMilestones(sla: TicketSla, terms: SlaTerms, priority: Priority, at: Date): MilestoneDue[] {
  const due: MilestoneDue[] = [];
  for (const { key, clock, calendar } of namedClocks(sla, terms, priority)) {
    const fired = new Set(
      (['warning', 'breach'] as const).filter((milestone) => sla.fired.includes(`${key}:${milestone}`)),
    );
    for (const milestone of milestonesDue(clock, calendar, sla.warningPercent, at, fired)) {
      const dueAt = milestoneInstant(clock, calendar, milestone, sla.warningPercent) ?? at;
      due.push({ clock: key, milestone, dueAt });
    }
  }
  return due;
}

/** Records milestones as fired so that they never fire again. */
export function markFired(sla: TicketSla, milestones: readonly MilestoneDue[]): TicketSla {
  return { ...sla, fired: [...sla.fired, ...milestones.map((m) => `${m.clock}:${m.milestone}`)] };
}

/** Whether a clock's milestone has fired: drives the warning (orange) and breach (red) badges. */
export function hasFired(sla: TicketSla, clock: string, milestone: SlaMilestone): boolean {
  return sla.fired.includes(`${clock}:${milestone}`);
}
