import { describe, expect, it } from 'vitest';
import { monthBack, monthLabel } from './report-months';

describe('report months', () => {
  it('steps back over a year end', () => {
    const now = new Date(2026, 0, 15);
    expect(monthBack(0, now)).toBe('2026-01');
    expect(monthBack(1, now)).toBe('2025-12');
    expect(monthBack(13, now)).toBe('2024-12');
  });

  it('names the month in each language', () => {
    expect(monthLabel('2026-10', 'fr')).toBe('Octobre 2026');
    expect(monthLabel('2026-10', 'en')).toBe('October 2026');
    expect(monthLabel('2026-02', 'fr')).toBe('Février 2026');
  });
});
