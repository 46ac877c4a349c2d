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
  const sample = rule.all((_date, index) => index < DENSITY_SAMPLE);
  if (sample.length === 0) return 'the rule produces no occurrence';
  for (let i = 1; i < sample.length; i++) {
    const gap = (sample[i] as Date).getTime() - (sample[i - 1] as Date).getTime();
    if (gap < MIN_GAP_MS) return 'more than one occurrence per 10 minutes';
  }
  return null;
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
