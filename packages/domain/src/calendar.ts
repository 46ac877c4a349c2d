import Holidays from 'date-holidays';
import { isRealDate } from './dates.js';

/** Monday = 1 … Sunday = 7 (ISO 8601), so that a French week reads in order. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening interval of a weekday, local wall-clock time "HH:MM" (end exclusive; "24:00" allowed as end). */
export interface OpeningInterval {
  day: Weekday;
  start: string;
  end: string;
}

/** When the provider's clock runs for a contract (DOMAIN §4). */
export interface BusinessCalendar {
  timeZone: string;
  /** true: the clock runs around the clock; weekly intervals are then ignored. */
  alwaysOpen: boolean;
  weekly: OpeningInterval[];
  /** date-holidays region such as "FR" or "FR-57" (country-state); null for none. */
  holidayRegion: string | null;
  /** Extra closed days, ISO dates (YYYY-MM-DD) in the calendar's zone. */
  closedDays: string[];
}

/** A problem found in a calendar, with the path of the field it concerns. */
export interface CalendarProblem {
  path: (string | number)[];
  message: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes since local midnight of "HH:MM". */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether the runtime knows this IANA time zone. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Whether date-holidays knows a region written "CC" or "CC-STATE" (e.g. FR, FR-57, DE-BY). */
export function isValidHolidayRegion(region: string): boolean {
  const [country, state, extra] = region.split('-');
  if (!country || extra !== undefined) return false;
  const hd = new Holidays();
  const countries = hd.getCountries();
  if (!countries[country]) return false;
  if (state === undefined) return true;
  const states = hd.getStates(country) ?? {};
  return Object.hasOwn(states, state);
}

/**
 * Every problem of a calendar at once, so a form can show them all:
 * unknown zone or region, malformed times, empty or inverted intervals, overlaps, no opening hours.
 */
export function validateCalendar(calendar: BusinessCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (!isValidTimeZone(calendar.timeZone)) {
    problems.push({ path: ['timeZone'], message: `unknown time zone "${calendar.timeZone}"` });
  }
  if (calendar.holidayRegion !== null && !isValidHolidayRegion(calendar.holidayRegion)) {
    problems.push({ path: ['holidayRegion'], message: `unknown holiday region "${calendar.holidayRegion}"` });
  }
  calendar.closedDays.forEach((day, i) => {
    if (!isRealDate(day)) problems.push({ path: ['closedDays', i], message: `"${day}" is not a date (YYYY-MM-DD)` });
  });
  if (calendar.alwaysOpen) return problems;

  const byDay = new Map<number, { start: number; end: number; index: number }[]>();
  calendar.weekly.forEach((interval, index) => {
    const at = ['weekly', index];
    if (!TIME.test(interval.start) || interval.start === '24:00') {
      problems.push({ path: [...at, 'start'], message: `"${interval.start}" is not a time (HH:MM)` });
      return;
    }
    if (!TIME.test(interval.end)) {
      problems.push({ path: [...at, 'end'], message: `"${interval.end}" is not a time (HH:MM)` });
      return;
    }
    const start = minutesOfDay(interval.start);
    const end = minutesOfDay(interval.end);
    if (end <= start) {
      problems.push({ path: at, message: `interval ${interval.start}–${interval.end} ends before it starts` });
      return;
    }
    const list = byDay.get(interval.day) ?? [];
    list.push({ start, end, index });
    byDay.set(interval.day, list);
  });
  for (const list of byDay.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) {
      const previous = list[i - 1];
      const current = list[i];
      if (previous && current && current.start < previous.end) {
        problems.push({ path: ['weekly', current.index], message: 'interval overlaps another one of the same day' });
      }
    }
  }
  if (calendar.weekly.length === 0) {
    problems.push({ path: ['weekly'], message: 'a calendar needs opening hours, or alwaysOpen' });
  }
  return problems;
}

/** The usual French office week: Monday to Friday, 9:00–12:30 and 13:30–18:00, Paris, French holidays. */
export function defaultCalendar(): BusinessCalendar {
  const weekly: OpeningInterval[] = [];
  for (const day of [1, 2, 3, 4, 5] as const) {
    weekly.push({ day, start: '09:00', end: '12:30' }, { day, start: '13:30', end: '18:00' });
  }
  return { timeZone: 'Europe/Paris', alwaysOpen: false, weekly, holidayRegion: 'FR', closedDays: [] };
}
