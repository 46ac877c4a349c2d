import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, defaultCalendar } from '../calendar.js';
import { roundTheClock } from '../sla-clock.js';
import { deadlineOfBreach, percentMet, satisfactionOf } from './report-figures.js';
import {
  daysOfMonth,
  isReportMonth,
  lastCompleteMonth,
  monthBounds,
  nextMonth,
  previousMonth,
} from './report-month.js';
import { firstBusinessDay, officeDays, reportMonthDue, reportSendInstant } from './report-send-day.js';

describe('report months', () => {
  it('reads only real months written YYYY-MM', () => {
    expect(['2026-10', '2026-01', '2026-12'].every(isReportMonth)).toBe(true);
    expect(['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', '1969-12', ''].some(isReportMonth)).toBe(false);
  });

  it('steps over year ends', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2026-02').at(-1)).toBe('2026-02-28');
  });

  it('bounds a month in the client’s zone, daylight saving included', () => {
    const october = monthBounds('2026-10', 'Europe/Paris');
    expect(october.from.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(october.to.toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(october.days).toHaveLength(31);
    // Sunday 25 October lasts 25 hours in Paris.
    const i = october.days.indexOf('2026-10-25');
    expect((october.dayStarts[i + 1] as Date).getTime() - (october.dayStarts[i] as Date).getTime()).toBe(
      25 * 3_600_000,
    );
    const tokyo = monthBounds('2026-10', 'Asia/Tokyo');
    expect(tokyo.from.toISOString()).toBe('2026-09-30T15:00:00.000Z');
  });

  it('takes the last complete month in the client’s zone, not the server’s', () => {
    // 1 November 00:30 in Paris is still 31 October in UTC.
    const now = new Date('2026-10-31T23:30:00Z');
    expect(lastCompleteMonth(now, 'Europe/Paris')).toBe('2026-10');
    expect(lastCompleteMonth(now, 'UTC')).toBe('2026-09');
  });
});

describe('report figures', () => {
  it('gives the share met with one decimal, and no figure when nothing fell due', () => {
    expect(percentMet(2, 1)).toBe(66.7);
    expect(percentMet(3, 0)).toBe(100);
    expect(percentMet(0, 0)).toBeNull();
  });

  it('counts each ticket’s latest rating once', () => {
    const summary = satisfactionOf([
      { ticketId: 'a', at: '2026-10-02T10:00:00.000Z', rating: 2 },
      { ticketId: 'a', at: '2026-10-03T10:00:00.000Z', rating: 4 },
      { ticketId: 'b', at: '2026-10-05T10:00:00.000Z', rating: 1 },
    ]);
    expect(summary).toEqual({
      ratings: 2,
      average: 2.5,
      distribution: [
        { rating: 1, count: 1 },
        { rating: 2, count: 0 },
        { rating: 3, count: 0 },
        { rating: 4, count: 1 },
        { rating: 5, count: 0 },
      ],
    });
    expect(satisfactionOf([]).average).toBeNull();
  });

  it('names the deadline a breach overran, not the next opening', () => {
    const office = defaultCalendar();
    // Thursday 8 October 18:00 Paris; the breach became due on Friday at 09:00:00.001.
    expect(deadlineOfBreach(office, new Date('2026-10-09T07:00:00.001Z')).toISOString()).toBe(
      '2026-10-08T16:00:00.000Z',
    );
    expect(deadlineOfBreach(office, new Date('2026-10-05T12:00:00.001Z')).toISOString()).toBe(
      '2026-10-05T12:00:00.000Z',
    );
    const always = roundTheClock('Europe/Paris');
    expect(deadlineOfBreach(always, new Date('2026-10-05T02:00:00.001Z')).toISOString()).toBe(
      '2026-10-05T02:00:00.000Z',
    );
  });
});

describe('the day the report is sent', () => {
  const paris = officeDays(defaultCalendar(), 'Europe/Paris');

  it('is the first day the contract calendar opens: weekends and holidays pushed', () => {
    expect(firstBusinessDay('2026-08', paris)).toBe('2026-08-03'); // the 1st is a Saturday
    expect(firstBusinessDay('2026-11', paris)).toBe('2026-11-02'); // Sunday, and All Saints
    expect(firstBusinessDay('2026-05', paris)).toBe('2026-05-04'); // Friday 1 May is Labour Day
    expect(firstBusinessDay('2026-10', paris)).toBe('2026-10-01');
  });

  it('counts the contract’s extra closed days', () => {
    const closed = officeDays({ ...defaultCalendar(), closedDays: ['2026-10-01', '2026-10-02'] }, 'Europe/Paris');
    expect(firstBusinessDay('2026-10', closed)).toBe('2026-10-05');
  });

  it('counts Monday to Friday without a contract, and for a round-the-clock calendar', () => {
    expect(firstBusinessDay('2026-11', officeDays(null, 'Europe/Paris'))).toBe('2026-11-02');
    // No holiday region without a contract: Friday 1 May is a business day.
    expect(firstBusinessDay('2026-05', officeDays(null, 'Europe/Paris'))).toBe('2026-05-01');
    const always: BusinessCalendar = { ...defaultCalendar(), alwaysOpen: true };
    expect(firstBusinessDay('2026-05', officeDays(always, 'Europe/Paris'))).toBe('2026-05-04');
  });

  it('is due from 08:00 local time on that day, and not before', () => {
    expect(reportSendInstant('2026-07', paris).toISOString()).toBe('2026-08-03T06:00:00.000Z');
    expect(reportMonthDue(new Date('2026-08-03T05:59:59Z'), 'Europe/Paris', paris)).toBeNull();
    expect(reportMonthDue(new Date('2026-08-03T06:00:00Z'), 'Europe/Paris', paris)).toBe('2026-07');
    expect(reportMonthDue(new Date('2026-08-01T09:00:00Z'), 'Europe/Paris', paris)).toBeNull();
    expect(reportMonthDue(new Date('2026-08-20T09:00:00Z'), 'Europe/Paris', paris)).toBe('2026-07');
  });
});
