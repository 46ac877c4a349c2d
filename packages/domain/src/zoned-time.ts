/**
 * Local wall-clock time of an IANA zone ↔ UTC instants, with the zone rules of the runtime (Intl).
 *
 * A wall-clock time is written as "wall milliseconds": milliseconds since 1970-01-01T00:00 *local*, i.e.
 * `localEpochDay * DAY_MS + millisecondsIntoTheDay`, so that a local date is plain integer arithmetic.
 */

/** Milliseconds in a calendar day of 24 hours (wall-clock arithmetic only: a local day may last 23 or 25 h). */
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Offset of a zone at an instant, in milliseconds (local − UTC: +3,600,000 for Paris in winter). Uses Intl, which
 * is slow (microseconds): callers cache what they derive from it.
 */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterOf(timeZone).formatToParts(instantMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
    }
  }
  const wholeSeconds = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSeconds;
}

/** Per zone, per local date: the offsets a day before and a day after (equal when the date has no transition). */
const dayOffsets = new Map<string, Map<number, readonly [number, number]>>();
const MAX_CACHED_DAYS = 100_000;

function offsetsAround(timeZone: string, localDay: number): readonly [number, number] {
  let byDay = dayOffsets.get(timeZone);
  if (!byDay) {
    byDay = new Map();
    dayOffsets.set(timeZone, byDay);
  }
  let offsets = byDay.get(localDay);
  if (!offsets) {
    // Every instant of the local date lies within [day − 14 h, day + 1 + 12 h] UTC: sample outside that window.
    offsets = [zoneOffsetMs(timeZone, (localDay - 1) * DAY_MS), zoneOffsetMs(timeZone, (localDay + 2) * DAY_MS)];
    if (byDay.size >= MAX_CACHED_DAYS) byDay.clear();
    byDay.set(localDay, offsets);
  }
  return offsets;
}

/**
 * The UTC instant (ms) of a local wall-clock time, so that opening hours written in local time follow the zone's
 * daylight-saving changes. Offsets are looked up once per (zone, local date) and cached. Disambiguation follows
 * Temporal's "compatible" rule:
 * - a time that does not exist (spring-forward gap: 02:30 in Paris on the last Sunday of March) maps *forward*
 *   by the length of the gap (02:30 → 03:30 CEST);
 * - a time that occurs twice (fall-back overlap: 02:30 in Paris on the last Sunday of October) takes the *first*
 *   occurrence (02:30 CEST = 00:30Z).
 * Assumes at most one offset change within three days, which holds for every real zone.
 */
export function wallClockToInstant(timeZone: string, wallMs: number): number {
  const [before, after] = offsetsAround(timeZone, Math.floor(wallMs / DAY_MS));
  if (before === after) return wallMs - before;
  const withBefore = wallMs - before;
  const withAfter = wallMs - after;
  const beforeValid = zoneOffsetMs(timeZone, withBefore) === before;
  const afterValid = zoneOffsetMs(timeZone, withAfter) === after;
  if (beforeValid && afterValid) return Math.min(withBefore, withAfter);
  if (beforeValid) return withBefore;
  if (afterValid) return withAfter;
  return withBefore;
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a day number counted from 1970-01-01 (a Thursday). */
export function isoWeekdayOfDay(day: number): number {
  return (((day % 7) + 10) % 7) + 1;
}

/** Day number (since 1970-01-01) of an ISO date "YYYY-MM-DD"; NaN when it is not one. */
export function dayOfIsoDate(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** ISO date "YYYY-MM-DD" of a day number (since 1970-01-01). */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
