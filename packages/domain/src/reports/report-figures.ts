/** Arithmetic of the monthly SLA report's figures, the same for the screen, the CSV and the PDF. */
import { subtractBusinessMs } from '../business-time.js';
import type { BusinessCalendar } from '../calendar.js';

/** Share of clocks met among those decided, in %, one decimal; null when none was decided (not "100 %"). */
export function percentMet(met: number, missed: number): number | null {
  const decided = met + missed;
  if (decided === 0) return null;
  return Math.round((met / decided) * 1000) / 10;
}

export interface RatingGiven {
  ticketId: string;
  /** ISO instant the rating was given. */
  at: string;
  rating: number;
}

export interface SatisfactionSummary {
  ratings: number;
  /** Two decimals; null without ratings. */
  average: number | null;
  /** Ratings 1 to 5, each with its count (zeros included, so that charts keep their shape). */
  distribution: { rating: number; count: number }[];
}

/**
 * The satisfaction of a month from the ratings given in it: a ticket rated twice in the month counts once, with
 * its latest rating (a requester who changed their mind).
 */
export function satisfactionOf(given: readonly RatingGiven[]): SatisfactionSummary {
  const latest = new Map<string, RatingGiven>();
  for (const rating of given) {
    const known = latest.get(rating.ticketId);
    if (!known || rating.at >= known.at) latest.set(rating.ticketId, rating);
  }
  const ratings = [...latest.values()].map((r) => r.rating).filter((r) => Number.isInteger(r) && r >= 1 && r <= 5);
  const distribution = [1, 2, 3, 4, 5].map((rating) => ({
    rating,
    count: ratings.filter((r) => r === rating).length,
  }));
  const average =
    ratings.length === 0 ? null : Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100;
  return { ratings: ratings.length, average, distribution };
}

/**
 * The deadline a breach overran. A breach is recorded as due one business millisecond past the deadline, which for a
 * deadline at closing time is the next opening (Friday 18:00 → Monday 09:00:00.001): step back over that
 * millisecond in business time, so that the report names Friday 18:00 as the ticket page did.
 */
export function deadlineOfBreach(calendar: BusinessCalendar, breachDueAt: Date): Date {
  return new Date(subtractBusinessMs(calendar, breachDueAt, 2).getTime() + 1);
}
