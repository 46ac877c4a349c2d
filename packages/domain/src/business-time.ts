/**
 * Business time: arithmetic on the open hours of a {@link BusinessCalendar} (DOMAIN §4), the basis of every SLA
 * deadline. All functions are pure: instants come in as arguments.
 *
 * Rules, decided once for all callers:
 * - Opening intervals are local wall-clock times of the calendar's zone, converted to UTC for each local date with
 *   the offset of that date and time; a time in the spring-forward gap maps forward, an ambiguous time of the
 *   fall-back overlap takes its first occurrence (see {@link wallClockToInstant}).
 * - A public holiday of `holidayRegion` (date-holidays type "public") or a date of `closedDays` removes every
 *   interval of that local date.
 * - `alwaysOpen` means 24/7, holidays included: business time is then elapsed real time (a UTC difference), so
 *   24 h across a daylight-saving change end 23 or 25 wall-clock hours later.
 * - Durations are counted in milliseconds, so that seconds are never lost; the minute functions are wrappers.
 * - Calendars are treated as immutable: their compiled form (weekly intervals in minutes, closed days, and the
 *   UTC intervals of each local date once met) is cached by object identity, then by content, so mutating a
 *   calendar object after use is not seen; pass a new object instead.
 */
import type { BusinessCalendar } from './calendar.js';
import { minutesOfDay } from './calendar.js';
import { publicHolidayDays } from './public-holidays.js';
import { DAY_MS, dayOfIsoDate, isoWeekdayOfDay, wallClockToInstant } from './zoned-time.js';

const MINUTE_MS = 60_000;
/** Days walked without meeting any open time before a calendar is declared closed for good. */
const GUARD_DAYS = 731;
const MAX_CACHED_DAYS = 50_000;
const NO_INTERVALS: readonly number[] = Object.freeze([]);

interface CompiledCalendar {
  timeZone: string;
  alwaysOpen: boolean;
  /** Index 1..7 (ISO weekday): flat, sorted, merged [startMinute, endMinute, …] of local wall-clock time. */
  weekly: readonly (readonly number[])[];
  hasWeeklyHours: boolean;
  holidayRegion: string | null;
  closedDays: ReadonlySet<number>;
  /** Local day number → flat, sorted [startMs, endMs, …] UTC intervals of that date (holidays removed). */
  days: Map<number, readonly number[]>;
}

/** By object identity first (free), then by content, so that a calendar re-read for every call stays fast. */
const byIdentity = new WeakMap<BusinessCalendar, CompiledCalendar>();
const byContent = new Map<string, CompiledCalendar>();
const MAX_CACHED_CALENDARS = 1_000;

function contentKey(calendar: BusinessCalendar): string {
  let key = `${calendar.timeZone}|${calendar.alwaysOpen}|${calendar.holidayRegion}|${calendar.closedDays.join(',')}|`;
  for (const interval of calendar.weekly) key += `${interval.day}${interval.start}${interval.end},`;
  return key;
}

function compile(calendar: BusinessCalendar): CompiledCalendar {
  let result = byIdentity.get(calendar);
  if (result) return result;
  const key = contentKey(calendar);
  result = byContent.get(key);
  if (!result) {
    result = build(calendar);
    if (byContent.size >= MAX_CACHED_CALENDARS) byContent.clear();
    byContent.set(key, result);
  }
  byIdentity.set(calendar, result);
  return result;
}

function build(calendar: BusinessCalendar): CompiledCalendar {
  const weekly: number[][] = [[], [], [], [], [], [], [], []];
  for (let day = 1; day <= 7; day++) {
    const intervals = calendar.weekly
      .filter((interval) => interval.day === day)
      .map((interval) => [minutesOfDay(interval.start), minutesOfDay(interval.end)] as const)
      .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
      .sort((a, b) => a[0] - b[0]);
    const flat = weekly[day] as number[];
    for (const [start, end] of intervals) {
      const lastEnd = flat[flat.length - 1];
      if (lastEnd !== undefined && start <= lastEnd) flat[flat.length - 1] = Math.max(lastEnd, end);
      else flat.push(start, end);
    }
  }
  return {
    timeZone: calendar.timeZone,
    alwaysOpen: calendar.alwaysOpen,
    weekly,
    hasWeeklyHours: weekly.some((flat) => flat.length > 0),
    holidayRegion: calendar.holidayRegion,
    closedDays: new Set(calendar.closedDays.map(dayOfIsoDate).filter(Number.isFinite)),
    days: new Map(),
  };
}

function isClosedDay(c: CompiledCalendar, day: number): boolean {
  if (c.closedDays.has(day)) return true;
  if (c.holidayRegion === null) return false;
  const year = new Date(day * DAY_MS).getUTCFullYear();
  return publicHolidayDays(c.holidayRegion, year).has(day);
}

/** UTC open intervals of one local date, built once and cached on the compiled calendar. */
function intervalsOf(c: CompiledCalendar, day: number): readonly number[] {
  const cached = c.days.get(day);
  if (cached) return cached;
  const minutes = c.weekly[isoWeekdayOfDay(day)] ?? NO_INTERVALS;
  let intervals: readonly number[] = NO_INTERVALS;
  if (minutes.length > 0 && !isClosedDay(c, day)) {
    const out: number[] = [];
    const midnight = day * DAY_MS;
    for (let i = 0; i < minutes.length; i += 2) {
      let start = wallClockToInstant(c.timeZone, midnight + (minutes[i] as number) * MINUTE_MS);
      const end = wallClockToInstant(c.timeZone, midnight + (minutes[i + 1] as number) * MINUTE_MS);
      const lastEnd = out[out.length - 1];
      // Around a DST gap, mapped intervals may overlap or collapse: keep them disjoint and non-empty.
      if (lastEnd !== undefined && start < lastEnd) start = lastEnd;
      if (end <= start) continue;
      if (start === lastEnd) out[out.length - 1] = end;
      else out.push(start, end);
    }
    intervals = out;
  }
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  c.days.set(day, intervals);
  return intervals;
}

/** First local day whose intervals may contain an instant (zone offsets lie within ±14 h). */
function firstDayAround(instantMs: number): number {
  return Math.floor(instantMs / DAY_MS) - 1;
}

function noOpening(): Error {
  return new Error('calendar has no opening hours within two years');
}

function checkInstant(instant: Date, name: string): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

function checkDuration(ms: number): void {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`duration must be a finite number ≥ 0, got ${ms}`);
}

function addMs(c: CompiledCalendar, startMs: number, durationMs: number): number {
  if (durationMs === 0) return startMs;
  if (c.alwaysOpen) return startMs + durationMs;
  if (!c.hasWeeklyHours) throw noOpening();
  let cursor = startMs;
  let remaining = durationMs;
  let day = firstDayAround(startMs);
  let lastOpenDay = day;
  for (;;) {
    const intervals = intervalsOf(c, day);
    for (let i = 0; i < intervals.length; i += 2) {
      const end = intervals[i + 1] as number;
      if (end <= cursor) continue;
      const start = intervals[i] as number;
      const from = Math.max(start, cursor);
      const available = end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
      cursor = end;
      lastOpenDay = day;
    }
    day++;
    if (day - lastOpenDay > GUARD_DAYS) throw noOpening();
  }
}

function subtractMs(c: CompiledCalendar, endMs: number, durationMs: number): number {
  if (durationMs === 0) return endMs;
  if (c.alwaysOpen) return endMs - durationMs;
  if (!c.hasWeeklyHours) throw noOpening();
  let cursor = endMs;
  let remaining = durationMs;
  let day = firstDayAround(endMs) + 2;
  let lastOpenDay = day;
  for (;;) {
    const intervals = intervalsOf(c, day);
    for (let i = intervals.length - 2; i >= 0; i -= 2) {
      const start = intervals[i] as number;
      if (start >= cursor) continue;
      const end = intervals[i + 1] as number;
      const to = Math.min(end, cursor);
      const available = to - start;
      if (remaining <= available) return to - remaining;
      remaining -= available;
      cursor = start;
      lastOpenDay = day;
    }
    day--;
    if (lastOpenDay - day > GUARD_DAYS) throw noOpening();
  }
}

function betweenMs(c: CompiledCalendar, fromMs: number, toMs: number): number {
  if (!(toMs > fromMs)) return 0;
  if (c.alwaysOpen) return toMs - fromMs;
  let total = 0;
  let cursor = fromMs;
  const lastDay = firstDayAround(toMs) + 2;
  for (let day = firstDayAround(fromMs); day <= lastDay; day++) {
    const intervals = intervalsOf(c, day);
    for (let i = 0; i < intervals.length; i += 2) {
      const end = intervals[i + 1] as number;
      if (end <= cursor) continue;
      const start = intervals[i] as number;
      if (start >= toMs) return total;
      const from = Math.max(start, cursor);
      const to = Math.min(end, toMs);
      total += to - from;
      cursor = to;
    }
  }
  return total;
}

/**
 * The instant at which `durationMs` of open time have elapsed after `start`: the deadline of an SLA budget.
 * Counting starts at `start` if open, else at the next opening. The result is the instant the budget is
 * exhausted, which may be the end of an interval (Friday 18:00 rather than Monday 08:30): for a duration > 0 the
 * millisecond before the result is always open time. A duration of 0 returns `start` itself, open or not.
 * Throws when the calendar has no open time within two years.
 */
export function addBusinessMs(calendar: BusinessCalendar, start: Date, durationMs: number): Date {
  checkDuration(durationMs);
  return new Date(addMs(compile(calendar), checkInstant(start, 'start'), durationMs));
}

/**
 * The instant `durationMs` of open time before `end`, walking back: where an already overrun budget ran out
 * (a priority raised past its new target). A duration of 0 returns `end` itself; for a duration > 0 the result
 * is open time (possibly the start of an interval).
 */
export function subtractBusinessMs(calendar: BusinessCalendar, end: Date, durationMs: number): Date {
  checkDuration(durationMs);
  return new Date(subtractMs(compile(calendar), checkInstant(end, 'end'), durationMs));
}

/** Open time in [from, to), in milliseconds (0 when to ≤ from): how much of an SLA budget a period consumed. */
export function businessMsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  return betweenMs(compile(calendar), checkInstant(from, 'from'), checkInstant(to, 'to'));
}

/**
 * {@link addBusinessMs} in minutes, the unit SLA targets are written in (fractions allowed, rounded to the
 * millisecond).
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  return addBusinessMs(calendar, start, Math.round(minutes * MINUTE_MS));
}

/** {@link businessMsBetween} in minutes, with fractions: seconds of open time are kept. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  return businessMsBetween(calendar, from, to) / MINUTE_MS;
}

/** Whether the calendar is open at an instant (intervals include their start, exclude their end). */
export function isOpenAt(calendar: BusinessCalendar, instant: Date): boolean {
  const c = compile(calendar);
  if (c.alwaysOpen) return true;
  const t = checkInstant(instant, 'instant');
  const first = firstDayAround(t);
  for (let day = first; day <= first + 2; day++) {
    const intervals = intervalsOf(c, day);
    for (let i = 0; i < intervals.length; i += 2) {
      if ((intervals[i] as number) <= t && t < (intervals[i + 1] as number)) return true;
    }
  }
  return false;
}

/**
 * The first open instant at or after `instant` (`instant` itself when open): when a clock paused by closed time
 * starts counting again. Throws when the calendar has no open time within two years.
 */
export function nextOpening(calendar: BusinessCalendar, instant: Date): Date {
  const c = compile(calendar);
  const t = checkInstant(instant, 'instant');
  if (c.alwaysOpen) return new Date(t);
  if (!c.hasWeeklyHours) throw noOpening();
  let day = firstDayAround(t);
  const last = day + GUARD_DAYS;
  for (; day <= last; day++) {
    const intervals = intervalsOf(c, day);
    for (let i = 0; i < intervals.length; i += 2) {
      if ((intervals[i + 1] as number) <= t) continue;
      const start = intervals[i] as number;
      return new Date(Math.max(start, t));
    }
  }
  throw noOpening();
}
