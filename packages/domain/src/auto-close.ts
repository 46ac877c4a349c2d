/**
 * Automatic closing of resolved tickets (DOMAIN §3): without an answer from the requester, a resolved ticket
 * closes after N business days (default 5).
 *
 * Rule: a business day is a local date (in the calendar's zone) with any open time — weekends, public holidays
 * and closed days do not count. Counting starts the day *after* the resolution's local date, whatever the hour of
 * the resolution; the close is due at the end of the N-th such day, i.e. when that day's last opening interval
 * ends (18:00 for an office; local midnight for an always-open calendar). So a ticket resolved on Friday at 17:55
 * in a Mon–Fri office with N = 5 closes the next Friday at closing time — the requester always has N full
 * working days to answer. This is deliberately not "N × opening minutes": that would make the deadline fall
 * mid-day and depend on the hour of resolution.
 *
 * An answer from the requester resets nothing here: the caller passes the instant the ticket (last) became
 * resolved.
 */
import { businessMsBetween, subtractBusinessMs } from './business-time.js';
import type { BusinessCalendar } from './calendar.js';
import { DAY_MS, wallClockToInstant, zoneOffsetMs } from './zoned-time.js';

/** Business days a requester has to answer before a resolved ticket closes by itself, unless configured. */
export const DEFAULT_AUTO_CLOSE_BUSINESS_DAYS = 5;

/** Days walked without finding a business day before the calendar is declared closed for good. */
const GUARD_DAYS = 731;

/**
 * The instant a resolved ticket closes by itself: the end of the `businessDays`-th business day after the
 * resolution's local date (see the module rule). Throws on a count that is not a whole number ≥ 1, or when the
 * calendar has no open time within two years.
 */
export function autoCloseAt(resolvedAt: Date, businessDays: number, calendar: BusinessCalendar): Date {
  if (!Number.isInteger(businessDays) || businessDays < 1) {
    throw new RangeError(`business days must be a whole number ≥ 1, got ${businessDays}`);
  }
  const t = resolvedAt.getTime();
  if (!Number.isFinite(t)) throw new RangeError('resolvedAt is not a valid date');
  const zone = calendar.timeZone;
  const startOf = (day: number) => new Date(wallClockToInstant(zone, day * DAY_MS));
  let day = Math.floor((t + zoneOffsetMs(zone, t)) / DAY_MS);
  let remaining = businessDays;
  for (let closedInARow = 0; closedInARow <= GUARD_DAYS; ) {
    day++;
    const start = startOf(day);
    const end = startOf(day + 1);
    if (businessMsBetween(calendar, start, end) === 0) {
      closedInARow++;
      continue;
    }
    closedInARow = 0;
    remaining--;
    // The last open millisecond of the day, plus one: when its last interval closes.
    if (remaining === 0) return new Date(subtractBusinessMs(calendar, end, 1).getTime() + 1);
  }
  throw new Error('calendar has no opening hours within two years');
}

/**
 * Whether a resolved ticket should be closed now by the auto-close job: `now` is at or past {@link autoCloseAt}.
 * The caller records the close cause as `auto_close`.
 */
export function autoCloseDue(resolvedAt: Date, businessDays: number, calendar: BusinessCalendar, now: Date): boolean {
  return now.getTime() >= autoCloseAt(resolvedAt, businessDays, calendar).getTime();
}
