/**
 * Hour banks (DOMAIN §2): prepaid hours of a contract, consumed by billable time entries, counted per period.
 *
 * - Periods follow the contract's start date, not the calendar: a yearly bank of a contract that starts on
 *   15 March runs 15 March – 14 March. A start on the 31st gives months ending on the 30th (or 28th/29th) where
 *   the month is shorter; every period is computed from the start date itself, so nothing drifts.
 * - `contract`: one period for the whole contract (open-ended when the contract has no end date).
 * - The last period stops at the contract's end date; a date after the end counts in the last period, a date
 *   before the start in the first.
 * - Rollover `next_period`: the hours left unused at the end of a period are added to the next one, once (what
 *   was carried over and not used is not carried again).
 */
import type { HourBank } from './contract.js';
import { dayOfIsoDate, isoDateOfDay } from './zoned-time.js';

export interface HourBankPeriod {
  /** First day, ISO date. */
  start: string;
  /** Last day, ISO date; null for a `contract` period of an open-ended contract. */
  end: string | null;
  /** 0 for the first period of the contract. */
  index: number;
}

const STEP_MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** The date `months` months after an ISO date, on the same day or the month's last day when it is shorter. */
export function addMonthsClamped(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

function dayBefore(iso: string): string {
  return isoDateOfDay(dayOfIsoDate(iso) - 1);
}

function minDate(a: string, b: string | null): string {
  return b !== null && b < a ? b : a;
}

/** The period of an hour bank that contains a date (ISO, in the client's time zone). */
export function hourBankPeriod(
  period: HourBank['period'],
  startsOn: string,
  endsOn: string | null,
  date: string,
): HourBankPeriod {
  if (period === 'contract') return { start: startsOn, end: endsOn, index: 0 };
  const step = STEP_MONTHS[period];
  const day = minDate(date < startsOn ? startsOn : date, endsOn);
  const [sy, sm] = startsOn.split('-').map(Number) as [number, number];
  const [dy, dm] = day.split('-').map(Number) as [number, number];
  let index = Math.max(0, Math.floor(((dy - sy) * 12 + (dm - sm)) / step));
  while (index > 0 && addMonthsClamped(startsOn, index * step) > day) index--;
  while (addMonthsClamped(startsOn, (index + 1) * step) <= day) index++;
  return periodAt(step, startsOn, endsOn, index);
}

function periodAt(step: number, startsOn: string, endsOn: string | null, index: number): HourBankPeriod {
  const start = addMonthsClamped(startsOn, index * step);
  const end = minDate(dayBefore(addMonthsClamped(startsOn, (index + 1) * step)), endsOn);
  return { start, end, index };
}

/** The period before this one, or null for the first. */
export function previousHourBankPeriod(
  period: HourBank['period'],
  startsOn: string,
  endsOn: string | null,
  current: HourBankPeriod,
): HourBankPeriod | null {
  if (period === 'contract' || current.index === 0) return null;
  return periodAt(STEP_MONTHS[period], startsOn, endsOn, current.index - 1);
}

export interface HourBankFigures {
  /** The bank's hours plus what was carried over, in minutes. */
  availableMinutes: number;
  usedMinutes: number;
  remainingMinutes: number;
  warning: boolean;
  exhausted: boolean;
}

/** Minutes of the bank's own hours (hours may be fractional: 7.5 h = 450 min). */
export function bankMinutes(bank: Pick<HourBank, 'hours'>): number {
  return Math.round(bank.hours * 60);
}

/** Unused minutes of a period that roll over into the next one. */
export function carriedOverMinutes(bank: HourBank, usedInPreviousPeriod: number | null): number {
  if (bank.rollover !== 'next_period' || usedInPreviousPeriod === null) return 0;
  return Math.max(0, bankMinutes(bank) - usedInPreviousPeriod);
}

/** Where a period stands: the warning is reached at `warningPercent` of the available minutes, exhaustion at all. */
export function hourBankFigures(bank: HourBank, usedMinutes: number, carriedMinutes: number): HourBankFigures {
  const availableMinutes = bankMinutes(bank) + carriedMinutes;
  return {
    availableMinutes,
    usedMinutes,
    remainingMinutes: availableMinutes - usedMinutes,
    warning: usedMinutes * 100 >= availableMinutes * bank.warningPercent,
    exhausted: usedMinutes >= availableMinutes,
  };
}

/** Which thresholds a new billable entry crosses (each is reported once: by the entry that crosses it). */
export function hourBankCrossing(
  bank: HourBank,
  usedBefore: number,
  addedMinutes: number,
  carriedMinutes: number,
): { warning: boolean; exhausted: boolean } {
  const before = hourBankFigures(bank, usedBefore, carriedMinutes);
  const after = hourBankFigures(bank, usedBefore + addedMinutes, carriedMinutes);
  return { warning: !before.warning && after.warning, exhausted: !before.exhausted && after.exhausted };
}
