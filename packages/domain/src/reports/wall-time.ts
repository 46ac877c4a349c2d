/**
 * Wall-clock time of a zone as plain milliseconds (the UTC fields of the number read as the local clock), for the
 * calendars the server expands with libraries that know nothing of zones (RRULE occurrences of maintenance windows,
 * report days). Thin over `zoned-time.ts`, which the package does not export whole.
 */
import { wallClockToInstant, zoneOffsetMs } from '../zoned-time.js';

/** What a clock on the wall in `timeZone` reads at `instant`, as wall milliseconds. */
export function wallTimeOf(instant: Date, timeZone: string): number {
  return instant.getTime() + zoneOffsetMs(timeZone, instant.getTime());
}

/**
 * The instant a wall-clock time happens in `timeZone`: a time skipped by a spring-forward change moves forward by the
 * gap, a time that occurs twice takes the first (Temporal's "compatible" rule).
 */
export function instantOfWallTime(wallMs: number, timeZone: string): Date {
  return new Date(wallClockToInstant(timeZone, wallMs));
}
