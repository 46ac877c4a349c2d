/**
 * Occurrences of a maintenance window (one-off or RRULE) in its own time zone. rrule knows nothing of zones here:
 * it is fed wall-clock times (the UTC fields of its dates read as the local clock), so "every Sunday 02:00" stays at
 * 02:00 on the wall across daylight-saving changes, and each occurrence's start and end are then turned into
 * instants. The end is the wall time start + duration too: a 02:00–04:00 window ends at 04:00 on the wall, so it lasts
 * one hour on the spring-forward night and three on the fall-back one, as the people who booked it read it.
 */
import { type Interval, instantOfWallTime, wallTimeOf } from '@vigie/domain';
import rrule from 'rrule';

const { RRule } = rrule;
const DAY_MS = 86_400_000;
type Rule = InstanceType<typeof RRule>;

/** What a window's occurrences depend on. */
export interface WindowShape {
  startsAt: Date;
  durationMinutes: number;
  rrule: string | null;
  timeZone: string;
}

/** Windows recurring more often than this would silence a client's supervision for good: refused. */
export const MIN_GAP_MS = 10 * 60_000;
/** Occurrences looked at when checking a rule's density, and the most one expansion answers. */
const DENSITY_SAMPLE = 1000;
export const MAX_OCCURRENCES = 10_000;

const ruleCache = new Map<string, Rule>();

function buildRule(text: string, startWall: number): Rule {
  const key = `${startWall}|${text}`;
  let rule = ruleCache.get(key);
  if (!rule) {
    const body = text.replace(/^RRULE:/i, '');
    const options = RRule.parseString(body);
    if (options.freq === undefined || options.freq === null) throw new RangeError('FREQ is missing');
    rule = new RRule({ ...options, dtstart: new Date(startWall), tzid: null });
    if (ruleCache.size > 10_000) ruleCache.clear();
    ruleCache.set(key, rule);
  }
  return rule;
}

/**
 * Why a rule cannot be used, or null: not an RRULE rrule understands, carrying its own start or zone, producing no
 * occurrence, or more than one occurrence per ten minutes.
 */
export function ruleProblem(shape: WindowShape): string | null {
  if (!shape.rrule) return null;
  const text = shape.rrule.trim();
  if (/[\r\n]/.test(text) || /(DTSTART|TZID|EXDATE|RDATE)/i.test(text)) {
    return 'only the RRULE itself: the start is startsAt and the zone is timeZone';
  }
  let rule: Rule;
  try {
    rule = buildRule(text, wallTimeOf(shape.startsAt, shape.timeZone));
  } catch (error) {
    const reason = error instanceof Error && !(error instanceof TypeError) ? `: ${error.message}` : '';
    return `not a valid RRULE${reason}`;
  }
  if (rule.options.freq === RRule.SECONDLY) return 'more than one occurrence per 10 minutes';
  if (!timesReachable(rule.options)) return 'the rule produces no occurrence';
  const sample = nearYear9999(rule).all((_date, index) => index < DENSITY_SAMPLE);
  if (sample.length === 0) return 'the rule produces no occurrence';
  for (let i = 1; i < sample.length; i++) {
    const gap = (sample[i] as Date).getTime() - (sample[i - 1] as Date).getTime();
    if (gap < MIN_GAP_MS) return 'more than one occurrence per 10 minutes';
  }
  return null;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Whether an HOURLY or MINUTELY rule's steps ever land on its BYHOUR/BYMINUTE: from 00:00 every 2 hours never
 * reaches 01:00, and rrule then loops forever looking for it (FREQ=HOURLY;INTERVAL=2;BYHOUR=1 hung the server).
 */
function timesReachable(options: Rule['options']): boolean {
  const byhour = options.byhour?.length ? options.byhour : null;
  const byminute = options.byminute?.length ? options.byminute : null;
  const start = options.dtstart;
  const interval = Math.max(1, options.interval);
  if (options.freq === RRule.HOURLY) {
    if (!byhour) return true;
    const step = gcd(interval, 24);
    return byhour.some((h) => (((h - start.getUTCHours()) % step) + step) % step === 0);
  }
  if (options.freq !== RRule.MINUTELY || (!byhour && !byminute)) return true;
  // An interval of an hour or more that is not whole hours steps the hour by varying amounts: not worth the risk.
  if (byhour && interval >= 60 && interval % 60 !== 0) return false;
  const step = gcd(interval, 1440);
  const first = start.getUTCHours() * 60 + start.getUTCMinutes();
  for (const h of byhour ?? Array.from({ length: 24 }, (_, i) => i)) {
    for (const m of byminute ?? Array.from({ length: 60 }, (_, i) => i)) {
      if ((((h * 60 + m - first) % step) + step) % step === 0) return true;
    }
  }
  return false;
}

/**
 * The rule moved a whole number of 28-year cycles (same leap years and weekdays within a century) to start in
 * 9960–9987. rrule stops at year 9999 and nowhere sooner when no day ever matches (February 30): walked from today,
 * such a rule held the event loop for ~25 s; from there it is a few decades of days.
 */
function nearYear9999(rule: Rule): Rule {
  const start = rule.options.dtstart;
  const cycles = Math.max(0, Math.floor((9960 - start.getUTCFullYear() + 27) / 28));
  if (cycles === 0) return rule;
  const shift = (date: Date) => {
    const moved = new Date(date.getTime());
    moved.setUTCFullYear(date.getUTCFullYear() + cycles * 28);
    return moved;
  };
  const until = rule.options.until;
  return new RRule({
    ...rule.origOptions,
    dtstart: shift(start),
    until: until && until.getUTCFullYear() + cycles * 28 <= 9999 ? shift(until) : null,
    tzid: null,
  });
}

const PERIOD_MS: Record<string, number> = { MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: DAY_MS, WEEKLY: 7 * DAY_MS };

/**
 * rrule walks from DTSTART to the period asked (38 ms for a weekly rule begun a year ago): a rule whose pattern
 * repeats every INTERVAL minutes, hours, days or weeks is restarted a whole number of those cycles later, just before
 * the period, which gives the same occurrences. Rules with COUNT (counted from the first start) and monthly or
 * yearly ones (cheap to walk, and months differ in length) keep their start.
 */
function movedStart(text: string, startWall: number, afterWall: number): number {
  const parts = Object.fromEntries(
    text
      .replace(/^RRULE:/i, '')
      .toUpperCase()
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
  const unit = PERIOD_MS[parts.FREQ ?? ''];
  if (!unit || parts.COUNT !== undefined) return startWall;
  const cycle = unit * Math.max(1, Number(parts.INTERVAL ?? 1) || 1);
  const cycles = Math.floor((afterWall - startWall) / cycle) - 1;
  return cycles > 0 ? startWall + cycles * cycle : startWall;
}

/** Wall start → the occurrence as instants. */
function occurrenceAt(startWall: number, shape: WindowShape): Interval {
  return {
    start: instantOfWallTime(startWall, shape.timeZone),
    end: instantOfWallTime(startWall + shape.durationMinutes * 60_000, shape.timeZone),
  };
}

/** The occurrences of a window that overlap [from, to), oldest first (at most MAX_OCCURRENCES). */
export function occurrences(shape: WindowShape, from: Date, to: Date): Interval[] {
  const startWall = wallTimeOf(shape.startsAt, shape.timeZone);
  const overlaps = (o: Interval) => o.start < to && o.end > from;
  if (!shape.rrule) {
    const only = occurrenceAt(startWall, shape);
    return overlaps(only) ? [only] : [];
  }
  // Wall times lie within a day of the instants: widen by the zone's largest offsets and the duration, then filter.
  const after = new Date(from.getTime() - shape.durationMinutes * 60_000 - DAY_MS);
  const before = new Date(to.getTime() + DAY_MS);
  const rule = buildRule(shape.rrule, movedStart(shape.rrule, startWall, after.getTime()));
  const found: Interval[] = [];
  rule.between(after, before, true, (date) => {
    const occurrence = occurrenceAt(date.getTime(), shape);
    if (overlaps(occurrence)) found.push(occurrence);
    return found.length < MAX_OCCURRENCES;
  });
  return found;
}

/** Overlapping or touching intervals merged into one, oldest first: chained windows read as one silence. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) {
      if (next.end > last.end) last.end = next.end;
    } else merged.push({ start: next.start, end: next.end });
  }
  return merged;
}
