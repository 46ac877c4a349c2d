/**
 * A ticket's SLA clocks as stored in its `sla` JSON column, and the contract terms they count on. Deadlines and
 * warning instants are stamped at each write so that lists show them without loading calendars.
 */
import type { SlaClockView, TicketSla as TicketSlaView } from '@vigie/contracts';
import {
  type BusinessCalendar,
  clockStatus,
  defaultCalendar,
  hasFired,
  milestoneInstant,
  nearestDeadline,
  nextMilestoneAt,
  type Priority,
  roundTheClock,
  type SlaClock,
  type SlaPolicy,
  type SlaTerms,
  type SupportLevel,
  type TicketSla,
} from '@vigie/domain';
import { fromJson } from '../../db/dialect.js';
import { type ContractRow, NO_DEADLINE } from '../../db/schema.js';

interface StoredClock {
  budgetMs: number;
  consumedMs: number;
  runningSince: string | null;
  deadline: string | null;
  warningAt: string | null;
  stoppedAt: string | null;
  met: boolean | null;
}

export interface StoredSla {
  timeZone: string;
  warningPercent: number;
  tto: StoredClock | null;
  ttr: StoredClock | null;
  ola: { level: SupportLevel; clock: StoredClock } | null;
  fired: string[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const date = (s: string | null) => (s ? new Date(s) : null);

const termsCache = new Map<string, SlaTerms>();
const TERMS_CACHE_SIZE = 500;

/**
 * The calendar and targets a contract gives its tickets. The same object is answered for the same version of a
 * contract, so that the domain's compiled calendar (holidays, intervals) is built once, not on every ticket change.
 */
export function termsOf(contract: Pick<ContractRow, 'id' | 'updated_at' | 'calendar' | 'sla_policy'>): SlaTerms {
  const key = `${contract.id}@${contract.updated_at}`;
  const cached = termsCache.get(key);
  if (cached) return cached;
  const calendar = fromJson<BusinessCalendar>(contract.calendar);
  const terms: SlaTerms = {
    calendar: { ...calendar, weekly: calendar.weekly ?? defaultCalendar().weekly },
    policy: fromJson<SlaPolicy>(contract.sla_policy),
  };
  if (termsCache.size >= TERMS_CACHE_SIZE) termsCache.clear();
  termsCache.set(key, terms);
  return terms;
}

function calendarFor(terms: SlaTerms, priority: Priority, clock: 'tto' | 'ttr' | 'ola'): BusinessCalendar {
  return clock !== 'ola' && terms.policy.targets[priority].aroundTheClock
    ? roundTheClock(terms.calendar.timeZone)
    : terms.calendar;
}

function storeClock(clock: SlaClock, calendar: BusinessCalendar, warningPercent: number): StoredClock {
  return {
    budgetMs: clock.budgetMs,
    consumedMs: clock.consumedMs,
    runningSince: iso(clock.runningSince),
    deadline: iso(clock.deadline),
    warningAt: iso(milestoneInstant(clock, calendar, 'warning', warningPercent)),
    stoppedAt: iso(clock.stoppedAt),
    met: clock.met,
  };
}

function loadClock(stored: StoredClock): SlaClock {
  return {
    budgetMs: stored.budgetMs,
    consumedMs: stored.consumedMs,
    runningSince: date(stored.runningSince),
    deadline: date(stored.deadline),
    stoppedAt: date(stored.stoppedAt),
    met: stored.met,
  };
}

export function loadSla(value: unknown): TicketSla | null {
  if (value === null || value === undefined) return null;
  const stored = fromJson<StoredSla>(value);
  return {
    timeZone: stored.timeZone,
    warningPercent: stored.warningPercent,
    tto: stored.tto ? loadClock(stored.tto) : null,
    ttr: stored.ttr ? loadClock(stored.ttr) : null,
    ola: stored.ola ? { level: stored.ola.level, clock: loadClock(stored.ola.clock) } : null,
    fired: stored.fired,
  };
}

/** The columns a ticket's SLA writes: the JSON, the queue sort key and the scheduler's wake-up instant. */
export function slaColumns(sla: TicketSla | null, terms: SlaTerms | null, priority: Priority) {
  if (!sla || !terms) return { sla: null, due_at: NO_DEADLINE, next_milestone_at: null };
  const pct = sla.warningPercent;
  const stored: StoredSla = {
    timeZone: sla.timeZone,
    warningPercent: pct,
    tto: sla.tto ? storeClock(sla.tto, calendarFor(terms, priority, 'tto'), pct) : null,
    ttr: sla.ttr ? storeClock(sla.ttr, calendarFor(terms, priority, 'ttr'), pct) : null,
    ola: sla.ola ? { level: sla.ola.level, clock: storeClock(sla.ola.clock, terms.calendar, pct) } : null,
    fired: [...sla.fired],
  };
  return {
    sla: stored,
    due_at: iso(nearestDeadline(sla)) ?? NO_DEADLINE,
    next_milestone_at: iso(nextMilestoneAt(sla, terms, priority)),
  };
}

function viewClock(stored: StoredClock, clock: SlaClock, key: string, sla: TicketSla): SlaClockView {
  return {
    status: clockStatus(clock),
    budgetMinutes: stored.budgetMs / 60_000,
    consumedMinutes: Math.round(stored.consumedMs / 60_000),
    deadline: stored.deadline,
    warningAt: stored.warningAt,
    stoppedAt: stored.stoppedAt,
    met: stored.met,
    warned: hasFired(sla, key, 'warning'),
    breached: hasFired(sla, key, 'breach') || stored.met === false,
  };
}

/** The SLA as answered: each clock with its state and whether its warning and breach have fired. */
export function presentSla(value: unknown, clientTimeZone: string): TicketSlaView {
  if (value === null || value === undefined) return { timeZone: clientTimeZone, tto: null, ttr: null, ola: null };
  // Parsed and loaded once: a list presents 50 of these per page.
  const stored = fromJson<StoredSla>(value);
  const sla = loadSla(stored) as TicketSla;
  return {
    timeZone: stored.timeZone,
    tto: stored.tto && sla.tto ? viewClock(stored.tto, sla.tto, 'tto', sla) : null,
    ttr: stored.ttr && sla.ttr ? viewClock(stored.ttr, sla.ttr, 'ttr', sla) : null,
    ola:
      stored.ola && sla.ola
        ? { ...viewClock(stored.ola.clock, sla.ola.clock, `ola:N${stored.ola.level}`, sla), level: stored.ola.level }
        : null,
  };
}
