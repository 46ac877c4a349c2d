/**
 * The SLA clock of one target (time to own or time to resolve) of one ticket: a budget of business time that
 * runs, pauses (waiting for the client), resumes and stops. Immutable: every operation returns a new clock.
 *
 * Time is counted on a {@link BusinessCalendar}; for an `aroundTheClock` target the caller passes
 * {@link roundTheClock}. The iTop rule applies: after a pause the deadline is recomputed from the remaining
 * business time (`resume + (budget − consumed)` in business time), never shifted by the wall-clock pause length.
 */
import { addBusinessMs, businessMsBetween, subtractBusinessMs } from './business-time.js';
import type { BusinessCalendar } from './calendar.js';

const MINUTE_MS = 60_000;

/** State of an SLA clock. `consumedMs` is the business time consumed up to `runningSince` (or for good). */
export interface SlaClock {
  readonly budgetMs: number;
  readonly consumedMs: number;
  /** Since when the clock runs; null when paused or stopped. */
  readonly runningSince: Date | null;
  /** When the budget runs out if the clock keeps running; null when paused or stopped. */
  readonly deadline: Date | null;
  readonly stoppedAt: Date | null;
  /** Outcome, set when stopped: consumed ≤ budget. */
  readonly met: boolean | null;
}

/** The three states a clock can be in, derived from its fields. */
export type SlaClockStatus = 'running' | 'paused' | 'stopped';

/** The notifications of a clock: the warning share of the budget is reached, the budget is overrun. */
export type SlaMilestone = 'warning' | 'breach';

/** Where a clock is, for displays and for deciding which operations apply. */
export function clockStatus(clock: SlaClock): SlaClockStatus {
  if (clock.stoppedAt !== null) return 'stopped';
  return clock.runningSince === null ? 'paused' : 'running';
}

const roundTheClockCalendars = new Map<string, BusinessCalendar>();

/**
 * A 24/7 calendar in a zone, for targets counted around the clock (a P1 whatever the contract's hours); the same
 * frozen object per zone, so that the compiled-calendar cache is shared.
 */
export function roundTheClock(timeZone: string): BusinessCalendar {
  let calendar = roundTheClockCalendars.get(timeZone);
  if (!calendar) {
    calendar = Object.freeze({
      timeZone,
      alwaysOpen: true,
      weekly: Object.freeze([]) as unknown as BusinessCalendar['weekly'],
      holidayRegion: null,
      closedDays: Object.freeze([]) as unknown as string[],
    });
    roundTheClockCalendars.set(timeZone, calendar);
  }
  return calendar;
}

function budgetOf(minutes: number): number {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError(`budget must be ≥ 0 minutes, got ${minutes}`);
  return Math.round(minutes * MINUTE_MS);
}

/**
 * `at` plus `remainingMs` of business time; when the budget is already overrun (negative remaining), the instant
 * the overrun began, measured back from `at` in business time, so that the deadline is in the past.
 */
function deadlineFrom(calendar: BusinessCalendar, at: Date, remainingMs: number): Date {
  return remainingMs >= 0 ? addBusinessMs(calendar, at, remainingMs) : subtractBusinessMs(calendar, at, -remainingMs);
}

/** A clock that starts running at `at` with a budget of business minutes (the ticket is created or qualified). */
export function startClock(calendar: BusinessCalendar, budgetMinutes: number, at: Date): SlaClock {
  const budgetMs = budgetOf(budgetMinutes);
  return {
    budgetMs,
    consumedMs: 0,
    runningSince: at,
    deadline: addBusinessMs(calendar, at, budgetMs),
    stoppedAt: null,
    met: null,
  };
}

/** Business time consumed at an instant (frozen while paused or stopped): what a progress bar shows. */
export function consumedAt(clock: SlaClock, calendar: BusinessCalendar, at: Date): number {
  if (clock.runningSince === null) return clock.consumedMs;
  return clock.consumedMs + businessMsBetween(calendar, clock.runningSince, at);
}

/** Business time left at an instant, in milliseconds; negative once the budget is overrun. */
export function remainingAt(clock: SlaClock, calendar: BusinessCalendar, at: Date): number {
  return clock.budgetMs - consumedAt(clock, calendar, at);
}

/** Share of the budget consumed (0 … 1 within budget, above 1 when overrun; Infinity for a used zero budget). */
export function progressAt(clock: SlaClock, calendar: BusinessCalendar, at: Date): number {
  const consumed = consumedAt(clock, calendar, at);
  if (clock.budgetMs === 0) return consumed === 0 ? 0 : Number.POSITIVE_INFINITY;
  return consumed / clock.budgetMs;
}

/**
 * Pauses a running clock (the ticket waits for the client): the business time since `runningSince` is added to
 * the consumed time and there is no deadline while paused. A clock that is not running is returned unchanged.
 */
export function pauseClock(clock: SlaClock, calendar: BusinessCalendar, at: Date): SlaClock {
  if (clockStatus(clock) !== 'running') return clock;
  return { ...clock, consumedMs: consumedAt(clock, calendar, at), runningSince: null, deadline: null };
}

/**
 * Resumes a paused clock: the deadline becomes `at` + (budget − consumed) of business time (the iTop rule, never
 * the old deadline shifted by the pause's wall-clock length). A clock that is not paused is returned unchanged.
 */
export function resumeClock(clock: SlaClock, calendar: BusinessCalendar, at: Date): SlaClock {
  if (clockStatus(clock) !== 'paused') return clock;
  return { ...clock, runningSince: at, deadline: deadlineFrom(calendar, at, clock.budgetMs - clock.consumedMs) };
}

/**
 * Stops the clock for good (taken in charge, resolved) and records the outcome: met when consumed ≤ budget, so a
 * ticket resolved on Saturday against a Friday 18:00 deadline is met (no business time elapsed past it).
 * A stopped clock is returned unchanged.
 */
export function stopClock(clock: SlaClock, calendar: BusinessCalendar, at: Date): SlaClock {
  if (clockStatus(clock) === 'stopped') return clock;
  const consumedMs = consumedAt(clock, calendar, at);
  return { ...clock, consumedMs, runningSince: null, deadline: null, stoppedAt: at, met: consumedMs <= clock.budgetMs };
}

/**
 * Applies a new target (priority raised or lowered, contract changed) while keeping the time already consumed:
 * a running clock's deadline becomes `at` + (new budget − consumed), in the past when the new budget is already
 * overrun (the ticket is then breached). A paused clock only takes the new budget; a stopped clock is final and
 * returned unchanged.
 */
export function changeBudget(
  clock: SlaClock,
  calendar: BusinessCalendar,
  newBudgetMinutes: number,
  at: Date,
): SlaClock {
  const budgetMs = budgetOf(newBudgetMinutes);
  switch (clockStatus(clock)) {
    case 'stopped':
      return clock;
    case 'paused':
      return { ...clock, budgetMs };
    case 'running': {
      const consumedMs = consumedAt(clock, calendar, at);
      return {
        ...clock,
        budgetMs,
        consumedMs,
        runningSince: at,
        deadline: deadlineFrom(calendar, at, budgetMs - consumedMs),
      };
    }
  }
}

function warningThresholdMs(clock: SlaClock, warningPercent: number): number {
  return Math.round((clock.budgetMs * warningPercent) / 100);
}

/**
 * When a milestone of a running clock is due, so that a scheduler can wake up then (null when not running):
 * - warning: the instant the consumed time reaches `warningPercent` of the budget;
 * - breach: the first instant the budget is *overrun*, i.e. one business millisecond past the deadline. It is
 *   not the deadline itself because a clock stopped at its deadline, or in the closed time after it, is met.
 * The instant may lie in the past (a budget lowered below the consumed time).
 */
export function milestoneInstant(
  clock: SlaClock,
  calendar: BusinessCalendar,
  milestone: SlaMilestone,
  warningPercent: number,
): Date | null {
  if (clock.runningSince === null) return null;
  const threshold = milestone === 'warning' ? warningThresholdMs(clock, warningPercent) : clock.budgetMs + 1;
  return deadlineFrom(calendar, clock.runningSince, threshold - clock.consumedMs);
}

/**
 * The milestones reached at `at` that have not fired yet, warning before breach, so that each notification goes
 * out once: warning when consumed ≥ warningPercent of the budget, breach when consumed > budget (the same rule as
 * {@link stopClock}'s outcome). A stopped clock has none: its outcome is recorded instead.
 */
export function milestonesDue(
  clock: SlaClock,
  calendar: BusinessCalendar,
  warningPercent: number,
  at: Date,
  alreadyFired: ReadonlySet<SlaMilestone>,
): SlaMilestone[] {
  if (clockStatus(clock) === 'stopped') return [];
  const consumed = consumedAt(clock, calendar, at);
  const due: SlaMilestone[] = [];
  if (!alreadyFired.has('warning') && consumed >= warningThresholdMs(clock, warningPercent)) due.push('warning');
  if (!alreadyFired.has('breach') && consumed > clock.budgetMs) due.push('breach');
  return due;
}
