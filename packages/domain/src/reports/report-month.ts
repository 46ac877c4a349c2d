/**
 * The calendar month a report covers, in a time zone: a report of October for a client in Paris runs from
 * 1 October 00:00 Paris time to 1 November 00:00 Paris time, whatever the offset in between (daylight saving ends
 * in October: that month lasts 31 days and one hour).
 */
import { localDateOf } from '../dates.js';
import { DAY_MS, dayOfIsoDate, isoDateOfDay, wallClockToInstant } from '../zoned-time.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a text is a month written YYYY-MM (01–12), from year 1970 on. */
export function isReportMonth(text: string): boolean {
  const match = MONTH.exec(text);
  return match !== null && Number(match[1]) >= 1970;
}

function parts(month: string): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`"${month}" is not a month written YYYY-MM`);
  return [Number(match[1]), Number(match[2])];
}

function format(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month after (2026-12 → 2027-01). */
export function nextMonth(month: string): string {
  const [year, m] = parts(month);
  return m === 12 ? format(year + 1, 1) : format(year, m + 1);
}

/** The month before (2026-01 → 2025-12). */
export function previousMonth(month: string): string {
  const [year, m] = parts(month);
  return m === 1 ? format(year - 1, 12) : format(year, m - 1);
}

/** The month a local date (YYYY-MM-DD) falls in. */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

/** The month in progress for someone in `timeZone`. */
export function currentMonth(now: Date, timeZone: string): string {
  return monthOfDate(localDateOf(now, timeZone));
}

/** The last month that is over in `timeZone`: what a report shows unless asked for another. */
export function lastCompleteMonth(now: Date, timeZone: string): string {
  return previousMonth(currentMonth(now, timeZone));
}

/** The local dates of a month, first to last. */
export function daysOfMonth(month: string): string[] {
  const first = dayOfIsoDate(`${month}-01`);
  const after = dayOfIsoDate(`${nextMonth(month)}-01`);
  const days: string[] = [];
  for (let day = first; day < after; day++) days.push(isoDateOfDay(day));
  return days;
}

/** The instant a local date starts in a zone (its midnight, or the first instant after a gap at midnight). */
export function startOfLocalDate(date: string, timeZone: string): Date {
  return new Date(wallClockToInstant(timeZone, dayOfIsoDate(date) * DAY_MS));
}

export interface MonthBounds {
  month: string;
  /** First instant of the month, and first instant of the next one. */
  from: Date;
  to: Date;
  /** Local dates of the month. */
  days: string[];
  /** The instant each of those days starts, then `to`: day i is [dayStarts[i], dayStarts[i + 1]). */
  dayStarts: Date[];
}

/** Where a month starts and ends in a zone, day by day, so that instants can be counted per local day. */
export function monthBounds(month: string, timeZone: string): MonthBounds {
  const days = daysOfMonth(month);
  const to = startOfLocalDate(`${nextMonth(month)}-01`, timeZone);
  const dayStarts = [...days.map((day) => startOfLocalDate(day, timeZone)), to];
  return { month, from: dayStarts[0] as Date, to, days, dayStarts };
}
