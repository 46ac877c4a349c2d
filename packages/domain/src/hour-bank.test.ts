import { describe, expect, it } from 'vitest';
import type { HourBank } from './contract.js';
import {
  addMonthsClamped,
  carriedOverMinutes,
  hourBankCrossing,
  hourBankFigures,
  hourBankPeriod,
  previousHourBankPeriod,
} from './hour-bank.js';

const bank = (overrides: Partial<HourBank> = {}): HourBank => ({
  hours: 10,
  warningPercent: 80,
  rollover: 'none',
  period: 'month',
  ...overrides,
});

describe('hour bank periods', () => {
  it('adds months, keeping the day or the last day of a shorter month', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonthsClamped('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('follows the contract start date, month by month, without drifting after a short month', () => {
    expect(hourBankPeriod('month', '2026-01-31', null, '2026-02-28')).toEqual({
      start: '2026-02-28',
      end: '2026-03-30',
      index: 1,
    });
    expect(hourBankPeriod('month', '2026-01-31', null, '2026-03-31')).toEqual({
      start: '2026-03-31',
      end: '2026-04-29',
      index: 2,
    });
    expect(hourBankPeriod('month', '2026-01-31', null, '2026-02-27').start).toBe('2026-01-31');
  });

  it('cuts quarters and years from the start date', () => {
    expect(hourBankPeriod('quarter', '2026-01-15', null, '2026-07-14')).toEqual({
      start: '2026-04-15',
      end: '2026-07-14',
      index: 1,
    });
    expect(hourBankPeriod('year', '2025-03-15', null, '2026-03-15')).toEqual({
      start: '2026-03-15',
      end: '2027-03-14',
      index: 1,
    });
    expect(hourBankPeriod('year', '2026-01-01', null, '2026-12-31')).toEqual({
      start: '2026-01-01',
      end: '2026-12-31',
      index: 0,
    });
  });

  it('stops at the contract end, and counts dates outside the contract in its first or last period', () => {
    expect(hourBankPeriod('year', '2026-01-01', '2026-06-30', '2026-03-01').end).toBe('2026-06-30');
    expect(hourBankPeriod('month', '2026-01-01', '2026-06-30', '2027-01-10')).toEqual({
      start: '2026-06-01',
      end: '2026-06-30',
      index: 5,
    });
    expect(hourBankPeriod('month', '2026-01-01', null, '2025-12-01').index).toBe(0);
    expect(hourBankPeriod('contract', '2026-01-01', null, '2030-01-01')).toEqual({
      start: '2026-01-01',
      end: null,
      index: 0,
    });
  });

  it('finds the previous period (none before the first, none for a whole-contract bank)', () => {
    const current = hourBankPeriod('quarter', '2026-01-01', null, '2026-05-10');
    expect(previousHourBankPeriod('quarter', '2026-01-01', null, current)).toEqual({
      start: '2026-01-01',
      end: '2026-03-31',
      index: 0,
    });
    expect(previousHourBankPeriod('quarter', '2026-01-01', null, { ...current, index: 0 })).toBeNull();
    expect(previousHourBankPeriod('contract', '2026-01-01', null, current)).toBeNull();
  });
});

describe('hour bank figures', () => {
  it('warns at the threshold and is exhausted when nothing remains', () => {
    expect(hourBankFigures(bank(), 479, 0)).toMatchObject({ warning: false, exhausted: false, remainingMinutes: 121 });
    expect(hourBankFigures(bank(), 480, 0)).toMatchObject({ warning: true, exhausted: false });
    expect(hourBankFigures(bank(), 600, 0)).toMatchObject({ warning: true, exhausted: true, remainingMinutes: 0 });
    expect(hourBankFigures(bank({ hours: 7.5 }), 0, 0).availableMinutes).toBe(450);
  });

  it('reports a threshold only on the entry that crosses it', () => {
    expect(hourBankCrossing(bank(), 400, 60, 0)).toEqual({ warning: false, exhausted: false });
    expect(hourBankCrossing(bank(), 460, 30, 0)).toEqual({ warning: true, exhausted: false });
    expect(hourBankCrossing(bank(), 490, 30, 0)).toEqual({ warning: false, exhausted: false });
    expect(hourBankCrossing(bank(), 500, 100, 0)).toEqual({ warning: false, exhausted: true });
    expect(hourBankCrossing(bank(), 0, 700, 0)).toEqual({ warning: true, exhausted: true });
  });

  it('rolls unused minutes over once, only when the contract says so', () => {
    expect(carriedOverMinutes(bank({ rollover: 'next_period' }), 450)).toBe(150);
    expect(carriedOverMinutes(bank({ rollover: 'next_period' }), 900)).toBe(0);
    expect(carriedOverMinutes(bank({ rollover: 'next_period' }), null)).toBe(0);
    expect(carriedOverMinutes(bank(), 100)).toBe(0);
    expect(hourBankFigures(bank(), 600, 150)).toMatchObject({ availableMinutes: 750, exhausted: false, warning: true });
  });
});
