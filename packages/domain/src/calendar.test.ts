import { describe, expect, it } from 'vitest';
import {
  type BusinessCalendar,
  defaultCalendar,
  isValidHolidayRegion,
  isValidTimeZone,
  validateCalendar,
} from './calendar.js';

const base = (): BusinessCalendar => ({
  ...defaultCalendar(),
  weekly: [
    { day: 1, start: '08:30', end: '12:00' },
    { day: 1, start: '13:30', end: '18:00' },
  ],
});

describe('business calendar rules', () => {
  it('accepts a Paris office week with French holidays', () => {
    expect(validateCalendar(defaultCalendar())).toEqual([]);
    expect(validateCalendar(base())).toEqual([]);
  });

  it('knows regions such as Moselle, and refuses unknown ones', () => {
    expect(isValidHolidayRegion('FR')).toBe(true);
    expect(isValidHolidayRegion('FR-57')).toBe(true);
    expect(isValidHolidayRegion('DE-BY')).toBe(true);
    expect(isValidHolidayRegion('FR-99')).toBe(false);
    expect(isValidHolidayRegion('XX')).toBe(false);
    expect(isValidHolidayRegion('FR-57-1')).toBe(false);
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('America/Martinique')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('names overlapping, inverted and malformed intervals by index', () => {
    const problems = validateCalendar({
      ...base(),
      weekly: [
        { day: 2, start: '09:00', end: '12:00' },
        { day: 2, start: '11:59', end: '14:00' },
        { day: 3, start: '18:00', end: '09:00' },
        { day: 4, start: '9h', end: '12:00' },
        { day: 5, start: '08:00', end: '24:00' },
      ],
    });
    expect(problems).toEqual([
      { path: ['weekly', 2], message: 'interval 18:00–09:00 ends before it starts' },
      { path: ['weekly', 3, 'start'], message: '"9h" is not a time (HH:MM)' },
      { path: ['weekly', 1], message: 'interval overlaps another one of the same day' },
    ]);
  });

  it('allows back-to-back intervals (one ends when the next starts)', () => {
    expect(
      validateCalendar({
        ...base(),
        weekly: [
          { day: 1, start: '08:00', end: '12:00' },
          { day: 1, start: '12:00', end: '13:00' },
        ],
      }),
    ).toEqual([]);
  });

  it('needs opening hours unless open 24/7', () => {
    expect(validateCalendar({ ...base(), weekly: [] })).toEqual([
      { path: ['weekly'], message: 'a calendar needs opening hours, or alwaysOpen' },
    ]);
    expect(validateCalendar({ ...base(), weekly: [], alwaysOpen: true })).toEqual([]);
  });

  it('refuses closed days that are not real dates', () => {
    expect(
      validateCalendar({ ...base(), closedDays: ['2026-12-24', '2026-02-30', 'christmas'] }).map((p) => p.path),
    ).toEqual([
      ['closedDays', 1],
      ['closedDays', 2],
    ]);
  });
});
