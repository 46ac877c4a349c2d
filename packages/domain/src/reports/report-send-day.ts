/**
 * When the monthly report goes out: on the first business day of the month after it, from 08:00 local time.
 * "Business day" is a day the client's main contract calendar opens (holidays and closed days excluded); a
 * round-the-clock calendar describes the provider's clock, not the office of the manager who reads the report, so it
 * counts Monday to Friday minus its holidays; a client without a contract counts Monday to Friday in its own zone.
 */
import { nextOpening } from '../business-time.js';
import type { BusinessCalendar, OpeningInterval } from '../calendar.js';
import { localDateOf } from '../dates.js';
import { DAY_MS, dayOfIsoDate, wallClockToInstant } from '../zoned-time.js';
import { lastCompleteMonth, nextMonth, startOfLocalDate } from './report-month.js';

/** The report is mailed from this local hour on. */
export const REPORT_SEND_HOUR = 8;

const WHOLE_WEEKDAYS: OpeningInterval[] = ([1, 2, 3, 4, 5] as const).map((day) => ({
  day,
  start: '00:00',
  end: '24:00',
}));

/** The days a report may be sent on: whole days the calendar opens (see the module's rule). */
export function officeDays(calendar: BusinessCalendar | null, clientTimeZone: string): BusinessCalendar {
  if (!calendar) {
    return { timeZone: clientTimeZone, alwaysOpen: false, weekly: WHOLE_WEEKDAYS, holidayRegion: null, closedDays: [] };
  }
  const weekly = calendar.alwaysOpen
    ? WHOLE_WEEKDAYS
    : calendar.weekly.map((interval) => ({ day: interval.day, start: '00:00', end: '24:00' }));
  return { ...calendar, alwaysOpen: false, weekly };
}

/** The first business day (YYYY-MM-DD) of a month, in the calendar's zone. */
export function firstBusinessDay(month: string, days: BusinessCalendar): string {
  const opening = nextOpening(days, startOfLocalDate(`${month}-01`, days.timeZone));
  return localDateOf(opening, days.timeZone);
}

/** The instant the report of `reportMonth` is due: 08:00 on the first business day of the month after it. */
export function reportSendInstant(reportMonth: string, days: BusinessCalendar): Date {
  const day = firstBusinessDay(nextMonth(reportMonth), days);
  return new Date(wallClockToInstant(days.timeZone, dayOfIsoDate(day) * DAY_MS + REPORT_SEND_HOUR * 3_600_000));
}

/**
 * The month whose report is due at `now`, or null: the last complete month (client's zone) once its send instant
 * has come. A month missed entirely (the server was off for all of the next month) is not sent late.
 */
export function reportMonthDue(now: Date, clientTimeZone: string, days: BusinessCalendar): string | null {
  const month = lastCompleteMonth(now, clientTimeZone);
  return now.getTime() >= reportSendInstant(month, days).getTime() ? month : null;
}
