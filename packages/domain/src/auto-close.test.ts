import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoCloseAt, autoCloseDue, DEFAULT_AUTO_CLOSE_BUSINESS_DAYS } from './auto-close.js';
import type { BusinessCalendar, OpeningInterval } from './calendar.js';

const office = (closedDays: string[] = []): BusinessCalendar => ({
  timeZone: 'Europe/Paris',
  alwaysOpen: false,
  weekly: [1, 2, 3, 4, 5].flatMap(
    (day) =>
      [
        { day, start: '08:30', end: '12:00' },
        { day, start: '13:30', end: '18:00' },
      ] as OpeningInterval[],
  ),
  holidayRegion: 'FR',
  closedDays,
});

const closeAt = (iso: string, days: number, calendar = office()) =>
  autoCloseAt(new Date(iso), days, calendar).toISOString();

describe('auto-close after N business days', () => {
  it('defaults to 5 business days', () => {
    expect(DEFAULT_AUTO_CLOSE_BUSINESS_DAYS).toBe(5);
  });

  it('resolved on a Monday morning closes at the end of the next Monday (5 working days later)', () => {
    // Monday 2026-03-02 09:00 Paris (08:00Z) → Monday 2026-03-09 18:00 Paris (17:00Z).
    expect(closeAt('2026-03-02T08:00:00Z', 5)).toBe('2026-03-09T17:00:00.000Z');
  });

  it('resolved Friday just before closing still gives the requester 5 full working days', () => {
    // Friday 2026-03-06 17:55 Paris → Friday 2026-03-13 18:00.
    expect(closeAt('2026-03-06T16:55:00Z', 5)).toBe('2026-03-13T17:00:00.000Z');
  });

  it('resolved on a Saturday counts from Monday', () => {
    expect(closeAt('2026-03-07T10:00:00Z', 1)).toBe('2026-03-09T17:00:00.000Z');
  });

  it('public holidays and closed days are skipped', () => {
    // Thursday 2026-04-30; Friday 1 May is a public holiday in France → Monday 4 May.
    expect(closeAt('2026-04-30T08:00:00Z', 1)).toBe('2026-05-04T16:00:00.000Z');
    // Monday 4 May declared closed as well → Tuesday 5 May.
    expect(closeAt('2026-04-30T08:00:00Z', 1, office(['2026-05-04']))).toBe('2026-05-05T16:00:00.000Z');
  });

  it('the close falls at local closing time across a daylight-saving change', () => {
    // Friday 2026-03-27 (CET) + 1 business day → Monday 2026-03-30 18:00 CEST = 16:00Z.
    expect(closeAt('2026-03-27T10:00:00Z', 1)).toBe('2026-03-30T16:00:00.000Z');
  });

  it('an always-open calendar closes at local midnight ending the N-th day', () => {
    // Saturday 7 March + 2 days (Sunday, Monday) → Tuesday 00:00 Paris.
    const always: BusinessCalendar = { ...office(), alwaysOpen: true };
    expect(closeAt('2026-03-07T10:00:00Z', 2, always)).toBe('2026-03-09T23:00:00.000Z');
  });

  it('is due at the close instant, not a millisecond before', () => {
    const resolved = new Date('2026-03-02T08:00:00Z');
    expect(autoCloseDue(resolved, 5, office(), new Date('2026-03-09T16:59:59.999Z'))).toBe(false);
    expect(autoCloseDue(resolved, 5, office(), new Date('2026-03-09T17:00:00Z'))).toBe(true);
  });

  it('refuses a count that is not a whole number of days ≥ 1', () => {
    expect(() => closeAt('2026-03-02T08:00:00Z', 0)).toThrow(RangeError);
    expect(() => closeAt('2026-03-02T08:00:00Z', 1.5)).toThrow(RangeError);
  });

  it('throws on a calendar that never opens', () => {
    expect(() => closeAt('2026-03-02T08:00:00Z', 1, { ...office(), weekly: [] })).toThrow('no opening hours');
  });

  it('one more business day never closes earlier, and the close is always after the resolution', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: 1, max: 10 }),
        (t, n) => {
          const a = autoCloseAt(new Date(t), n, office()).getTime();
          const b = autoCloseAt(new Date(t), n + 1, office()).getTime();
          expect(a).toBeGreaterThan(t + 12 * 3_600_000);
          expect(b).toBeGreaterThan(a);
        },
      ),
      { numRuns: 200 },
    );
  });
});
