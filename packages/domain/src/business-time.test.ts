import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  addBusinessMs,
  businessMinutesBetween,
  businessMsBetween,
  isOpenAt,
  nextOpening,
  subtractBusinessMs,
} from './business-time.js';
import type { BusinessCalendar, OpeningInterval, Weekday } from './calendar.js';
import { publicHolidayDates } from './public-holidays.js';
import { roundTheClock } from './sla-clock.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function week(days: readonly Weekday[], ...hours: [string, string][]): OpeningInterval[] {
  return days.flatMap((day) => hours.map(([start, end]) => ({ day, start, end })));
}

const WORKDAYS = [1, 2, 3, 4, 5] as const;

/** Paris office: Monday–Friday 08:30–12:00 and 13:30–18:00. */
function office(holidayRegion: string | null = 'FR', closedDays: string[] = []): BusinessCalendar {
  return {
    timeZone: 'Europe/Paris',
    alwaysOpen: false,
    weekly: week(WORKDAYS, ['08:30', '12:00'], ['13:30', '18:00']),
    holidayRegion,
    closedDays,
  };
}

const at = (iso: string) => new Date(iso);
const add = (calendar: BusinessCalendar, startIso: string, minutes: number) =>
  addBusinessMinutes(calendar, at(startIso), minutes).toISOString();

describe('business time on a Paris office calendar', () => {
  const paris = office();

  it('P3 opened Friday 2026-03-06 17:30 Paris: 30 min on Friday, the rest from Monday 08:30', () => {
    // TTO 4 h: Fri 17:30–18:00 (0:30) + Mon 08:30–12:00 (3:30) → Monday 12:00 Paris (UTC+1), end of an interval.
    expect(add(paris, '2026-03-06T16:30:00Z', 240)).toBe('2026-03-09T11:00:00.000Z');
    // TTR 8 h: 0:30 + 3:30 + Mon 13:30–17:30 (4:00) → Monday 17:30 Paris.
    expect(add(paris, '2026-03-06T16:30:00Z', 480)).toBe('2026-03-09T16:30:00.000Z');
    expect(businessMinutesBetween(paris, at('2026-03-06T16:30:00Z'), at('2026-03-09T16:30:00Z'))).toBe(480);
  });

  it('starts counting at the next opening when started in closed time, and returns the start for 0', () => {
    // Saturday 7 March 11:00 Paris + 1 h → Monday 09:30 Paris.
    expect(add(paris, '2026-03-07T10:00:00Z', 60)).toBe('2026-03-09T08:30:00.000Z');
    // Lunch break: Monday 12:15 Paris + 15 min → 13:45 Paris.
    expect(add(paris, '2026-03-09T11:15:00Z', 15)).toBe('2026-03-09T12:45:00.000Z');
    expect(add(paris, '2026-03-07T10:00:00Z', 0)).toBe('2026-03-07T10:00:00.000Z');
    expect(nextOpening(paris, at('2026-03-07T10:00:00Z')).toISOString()).toBe('2026-03-09T07:30:00.000Z');
    expect(nextOpening(paris, at('2026-03-09T08:00:00Z')).toISOString()).toBe('2026-03-09T08:00:00.000Z');
  });

  it('intervals include their start and exclude their end', () => {
    expect(isOpenAt(paris, at('2026-03-09T07:30:00Z'))).toBe(true); // Mon 08:30 Paris
    expect(isOpenAt(paris, at('2026-03-09T07:29:59.999Z'))).toBe(false);
    expect(isOpenAt(paris, at('2026-03-09T10:59:59.999Z'))).toBe(true); // 11:59:59.999
    expect(isOpenAt(paris, at('2026-03-09T11:00:00Z'))).toBe(false); // 12:00
    expect(isOpenAt(paris, at('2026-03-07T10:00:00Z'))).toBe(false); // Saturday
  });

  it('keeps seconds and milliseconds', () => {
    // Monday 08:30:20 Paris + 90.5 s.
    expect(addBusinessMs(paris, at('2026-03-09T07:30:20Z'), 90_500).toISOString()).toBe('2026-03-09T07:31:50.500Z');
    expect(businessMsBetween(paris, at('2026-03-09T07:30:20Z'), at('2026-03-09T07:31:50.500Z'))).toBe(90_500);
    expect(businessMinutesBetween(paris, at('2026-03-09T07:30:20Z'), at('2026-03-09T07:31:50.500Z'))).toBeCloseTo(
      90.5 / 60,
      12,
    );
    expect(businessMsBetween(paris, at('2026-03-09T10:00:00Z'), at('2026-03-09T09:00:00Z'))).toBe(0);
  });

  it('walks back for subtractions, to the instant an overrun began', () => {
    // Monday 9 March 09:30 Paris − 2 h → 1 h on Monday, 1 h on Friday → Friday 17:00 Paris.
    expect(subtractBusinessMs(paris, at('2026-03-09T08:30:00Z'), 2 * HOUR).toISOString()).toBe(
      '2026-03-06T16:00:00.000Z',
    );
    // Exactly the morning: back to Monday 08:30.
    expect(subtractBusinessMs(paris, at('2026-03-09T11:00:00Z'), 3.5 * HOUR).toISOString()).toBe(
      '2026-03-09T07:30:00.000Z',
    );
  });

  it('skips Easter Monday; Good Friday only in Moselle (FR-57)', () => {
    // Friday 3 April 2026 16:00 Paris (UTC+2) + 4 h. FR: 2 h on Friday, Easter Monday closed → Tuesday 10:30.
    expect(add(office('FR'), '2026-04-03T14:00:00Z', 240)).toBe('2026-04-07T08:30:00.000Z');
    // FR-57: Good Friday closed too → Tuesday 08:30–12:00 (3:30) + 13:30–14:00 → Tuesday 14:00 Paris.
    expect(add(office('FR-57'), '2026-04-03T14:00:00Z', 240)).toBe('2026-04-07T12:00:00.000Z');
    // Thursday 2 April 17:00 Paris + 2 h: Friday 09:30 (FR) or Tuesday 09:30 (FR-57).
    expect(add(office('FR'), '2026-04-02T15:00:00Z', 120)).toBe('2026-04-03T07:30:00.000Z');
    expect(add(office('FR-57'), '2026-04-02T15:00:00Z', 120)).toBe('2026-04-07T07:30:00.000Z');
    expect(isOpenAt(office('FR'), at('2026-04-03T08:00:00Z'))).toBe(true);
    expect(isOpenAt(office('FR-57'), at('2026-04-03T08:00:00Z'))).toBe(false);
    expect(isOpenAt(office('FR'), at('2026-04-06T08:00:00Z'))).toBe(false);
    expect(isOpenAt(office(null), at('2026-04-06T08:00:00Z'))).toBe(true);
  });

  it('knows the Moselle extras (Good Friday, 26 December) from the date-holidays public list', () => {
    expect(publicHolidayDates('FR-57', 2026)).toEqual(expect.arrayContaining(['2026-04-03', '2026-12-26']));
    expect(publicHolidayDates('FR', 2026)).not.toContain('2026-04-03');
    expect(publicHolidayDates('FR', 2026)).not.toContain('2026-12-26');
    // Observances such as Pentecost Sunday are not public holidays.
    expect(publicHolidayDates('FR', 2026)).not.toContain('2026-05-24');
    expect(publicHolidayDates('FR', 2026)).toContain('2026-05-25');
  });

  it('skips 14 July 2026, a Tuesday', () => {
    // Monday 13 July 17:00 Paris + 2 h → Wednesday 15 July 09:30 Paris.
    expect(add(paris, '2026-07-13T15:00:00Z', 120)).toBe('2026-07-15T07:30:00.000Z');
    // Monday 13 July 00:00 UTC → Thursday 16 July 00:00 UTC: Monday and Wednesday, 8 h each.
    expect(businessMinutesBetween(paris, at('2026-07-13T00:00:00Z'), at('2026-07-16T00:00:00Z'))).toBe(960);
  });

  it('closes the extra closed days of the calendar', () => {
    // Monday 9 March closed: Friday 17:30 + 4 h → Tuesday 10 March 12:00 Paris.
    expect(add(office('FR', ['2026-03-09']), '2026-03-06T16:30:00Z', 240)).toBe('2026-03-10T11:00:00.000Z');
  });

  it('crosses the year end: 31 Dec 2026 17:00 + 2 h → Monday 4 Jan 2027 09:30 Paris', () => {
    // 1 h on Thursday 31 Dec; Friday 1 Jan is a holiday; 2–3 Jan is a weekend; then 08:30–09:30 Monday.
    expect(add(paris, '2026-12-31T16:00:00Z', 120)).toBe('2027-01-04T08:30:00.000Z');
  });

  it('follows the October DST change (UTC+2 before, UTC+1 after 2026-10-25)', () => {
    // Friday 23 Oct 16:00 Paris (14:00Z) + 4 h: 2 h Friday (closes 18:00 = 16:00Z), Monday 26 Oct 08:30–10:30 (UTC+1).
    expect(add(paris, '2026-10-23T14:00:00Z', 120)).toBe('2026-10-23T16:00:00.000Z');
    expect(add(paris, '2026-10-23T14:00:00Z', 240)).toBe('2026-10-26T09:30:00.000Z');
    expect(businessMinutesBetween(paris, at('2026-10-23T14:00:00Z'), at('2026-10-26T09:30:00Z'))).toBe(240);
    expect(nextOpening(paris, at('2026-10-24T12:00:00Z')).toISOString()).toBe('2026-10-26T07:30:00.000Z');
  });

  it('follows the March DST change (UTC+1 before, UTC+2 after 2026-03-29)', () => {
    // Friday 27 March 17:00 Paris (16:00Z) + 2 h → Monday 30 March 09:30 Paris (UTC+2) = 07:30Z.
    expect(add(paris, '2026-03-27T16:00:00Z', 120)).toBe('2026-03-30T07:30:00.000Z');
  });

  it('throws when the calendar never opens within two years', () => {
    const never: BusinessCalendar = { ...office(), weekly: [] };
    expect(() => add(never, '2026-03-06T16:30:00Z', 60)).toThrow('calendar has no opening hours within two years');
    expect(() => nextOpening(never, at('2026-03-06T16:30:00Z'))).toThrow('no opening hours');
    const mondays: string[] = [];
    for (let day = Date.UTC(2026, 0, 5); day < Date.UTC(2029, 0, 1); day += 7 * 24 * HOUR) {
      mondays.push(new Date(day).toISOString().slice(0, 10));
    }
    const closedForYears: BusinessCalendar = { ...office(null, mondays), weekly: week([1], ['09:00', '10:00']) };
    expect(() => add(closedForYears, '2026-01-01T00:00:00Z', 60)).toThrow('within two years');
    expect(businessMsBetween(closedForYears, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe(0);
  });

  it('refuses negative durations and invalid dates', () => {
    expect(() => addBusinessMs(paris, at('2026-03-06T16:30:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessMs(paris, at('2026-03-06T16:30:00Z'), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMs(paris, new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe('local wall-clock rules on DST days (Europe/Paris)', () => {
  const sundays = (...hours: [string, string][]): BusinessCalendar => ({
    timeZone: 'Europe/Paris',
    alwaysOpen: false,
    weekly: week([7], ...hours),
    holidayRegion: null,
    closedDays: [],
  });

  it('a whole local day lasts 23 h in March and 25 h in October', () => {
    const allDay = sundays(['00:00', '24:00']);
    // Sunday 29 March 2026: 00:00 CET = 28 Mar 23:00Z … 24:00 CEST = 29 Mar 22:00Z.
    expect(businessMinutesBetween(allDay, at('2026-03-28T12:00:00Z'), at('2026-03-30T12:00:00Z'))).toBe(23 * 60);
    // Sunday 25 October 2026: 00:00 CEST = 24 Oct 22:00Z … 24:00 CET = 25 Oct 23:00Z.
    expect(businessMinutesBetween(allDay, at('2026-10-24T12:00:00Z'), at('2026-10-26T12:00:00Z'))).toBe(25 * 60);
    expect(add(allDay, '2026-10-24T12:00:00Z', 25 * 60)).toBe('2026-10-25T23:00:00.000Z');
  });

  it('maps a start in the spring gap forward (02:30 → 03:30 CEST)', () => {
    const early = sundays(['02:30', '04:00']);
    // 29 March 2026: 02:30 does not exist → 03:30 CEST = 01:30Z; 04:00 CEST = 02:00Z: 30 min open.
    expect(nextOpening(early, at('2026-03-29T00:00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(add(early, '2026-03-29T00:00:00Z', 30)).toBe('2026-03-29T02:00:00.000Z');
    // One more minute: next Sunday 5 April, 02:30 CEST = 00:30Z, + 1 min.
    expect(add(early, '2026-03-29T00:00:00Z', 31)).toBe('2026-04-05T00:31:00.000Z');
  });

  it('takes the first occurrence of an ambiguous autumn time (02:30 CEST, not CET)', () => {
    const early = sundays(['02:30', '03:30']);
    // 25 October 2026: 02:30 first occurrence = 00:30Z; 03:30 CET = 02:30Z: 2 h open.
    expect(nextOpening(early, at('2026-10-25T00:00:00Z')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(businessMinutesBetween(early, at('2026-10-24T12:00:00Z'), at('2026-10-26T12:00:00Z'))).toBe(120);
  });
});

describe('round-the-clock calendars', () => {
  const always = roundTheClock('Europe/Paris');

  it('counts real elapsed time across DST changes: 24 h = 24 UTC hours, not 23 or 25', () => {
    // Saturday 24 Oct 2026 12:00 Paris (10:00Z) + 24 h → Sunday 25 Oct 10:00Z (11:00 Paris wall clock).
    expect(add(always, '2026-10-24T10:00:00Z', 1440)).toBe('2026-10-25T10:00:00.000Z');
    expect(businessMinutesBetween(always, at('2026-10-24T10:00:00Z'), at('2026-10-25T10:00:00Z'))).toBe(1440);
    // Saturday 28 March 2026 12:00 Paris (11:00Z) + 24 h → Sunday 29 March 11:00Z (13:00 Paris).
    expect(add(always, '2026-03-28T11:00:00Z', 1440)).toBe('2026-03-29T11:00:00.000Z');
  });

  it('ignores holidays and weekly hours', () => {
    const alwaysWithHolidays: BusinessCalendar = { ...office('FR'), alwaysOpen: true };
    expect(isOpenAt(alwaysWithHolidays, at('2026-05-01T08:00:00Z'))).toBe(true);
    expect(add(alwaysWithHolidays, '2026-05-01T08:00:00Z', 60)).toBe('2026-05-01T09:00:00.000Z');
    expect(roundTheClock('Europe/Paris')).toBe(always);
  });
});

describe('business-time properties', () => {
  const shapes: Record<string, BusinessCalendar> = {
    parisOffice: office('FR'),
    moselleWithClosedDays: office('FR-57', ['2026-08-14', '2027-05-07', '2028-12-24']),
    roundTheClock: roundTheClock('Europe/Paris'),
    newYorkSixDays: {
      timeZone: 'America/New_York',
      alwaysOpen: false,
      weekly: week([1, 2, 3, 4, 5, 6], ['07:00', '19:00']),
      holidayRegion: 'US',
      closedDays: [],
    },
    sydneyOffice: {
      timeZone: 'Australia/Sydney',
      alwaysOpen: false,
      weekly: week(WORKDAYS, ['09:00', '17:00']),
      holidayRegion: 'AU-NSW',
      closedDays: [],
    },
    parisNights: {
      timeZone: 'Europe/Paris',
      alwaysOpen: false,
      weekly: [...week([1, 2, 3, 4, 5, 6], ['00:00', '03:00'], ['22:00', '24:00']), ...week([7], ['01:30', '03:30'])],
      holidayRegion: 'FR',
      closedDays: [],
    },
    parisWeekdaysAllDay: {
      timeZone: 'Europe/Paris',
      alwaysOpen: false,
      weekly: week(WORKDAYS, ['00:00', '24:00']),
      holidayRegion: null,
      closedDays: [],
    },
    kolkata: {
      timeZone: 'Asia/Kolkata',
      alwaysOpen: false,
      weekly: week(WORKDAYS, ['09:30', '13:00'], ['14:00', '18:15']),
      holidayRegion: null,
      closedDays: [],
    },
  };
  const calendar = fc.constantFrom(...Object.keys(shapes)).map((name) => shapes[name] as BusinessCalendar);
  const FROM = Date.UTC(2026, 0, 1);
  const TO = Date.UTC(2029, 0, 1);
  const instant = fc.oneof(
    fc.integer({ min: FROM, max: TO - 1 }),
    // On a half-hour, to land on interval boundaries.
    fc.integer({ min: FROM / (30 * MINUTE), max: TO / (30 * MINUTE) - 1 }).map((n) => n * 30 * MINUTE),
  );
  const TEN_DAYS = 10 * 24 * HOUR;
  const duration = fc.oneof(
    fc.integer({ min: 0, max: TEN_DAYS }),
    fc.integer({ min: 0, max: TEN_DAYS / MINUTE }).map((n) => n * MINUTE),
  );
  const runs = { numRuns: 300 };

  it('measuring an addition gives back the duration, to the millisecond', () => {
    fc.assert(
      fc.property(calendar, instant, duration, (cal, start, ms) => {
        const end = addBusinessMs(cal, new Date(start), ms);
        expect(end.getTime()).toBeGreaterThanOrEqual(start);
        expect(businessMsBetween(cal, new Date(start), end)).toBe(ms);
      }),
      runs,
    );
  });

  it('an addition of > 0 ends in open time or at the end of an interval', () => {
    fc.assert(
      fc.property(calendar, instant, duration, (cal, start, ms) => {
        fc.pre(ms > 0);
        const end = addBusinessMs(cal, new Date(start), ms);
        expect(isOpenAt(cal, new Date(end.getTime() - 1))).toBe(true);
      }),
      runs,
    );
  });

  it('adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, (cal, start, a, b) => {
        const inTwo = addBusinessMs(cal, addBusinessMs(cal, new Date(start), a), b);
        expect(inTwo.getTime()).toBe(addBusinessMs(cal, new Date(start), a + b).getTime());
      }),
      runs,
    );
  });

  it('subtracting an addition goes back to the first open instant of the start', () => {
    fc.assert(
      fc.property(calendar, instant, duration, (cal, start, ms) => {
        fc.pre(ms > 0);
        const end = addBusinessMs(cal, new Date(start), ms);
        expect(subtractBusinessMs(cal, end, ms).getTime()).toBe(nextOpening(cal, new Date(start)).getTime());
      }),
      runs,
    );
  });

  it('measures are additive and agree with isOpenAt and nextOpening', () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, (cal, a, x, y) => {
        const b = a + x;
        const c = b + y;
        const whole = businessMsBetween(cal, new Date(a), new Date(c));
        expect(whole).toBe(
          businessMsBetween(cal, new Date(a), new Date(b)) + businessMsBetween(cal, new Date(b), new Date(c)),
        );
        expect(businessMsBetween(cal, new Date(a), new Date(a + 1))).toBe(isOpenAt(cal, new Date(a)) ? 1 : 0);
        const opening = nextOpening(cal, new Date(a));
        expect(isOpenAt(cal, opening)).toBe(true);
        expect(businessMsBetween(cal, new Date(a), opening)).toBe(0);
      }),
      runs,
    );
  });
});
