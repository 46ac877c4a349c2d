import { describe, expect, it } from 'vitest';
import { timeTotals } from './time-totals';

describe('timeTotals', () => {
  it('splits billable and covered minutes', () => {
    expect(
      timeTotals([
        { minutes: 45, billable: true },
        { minutes: 30, billable: false },
        { minutes: 15, billable: true },
      ]),
    ).toEqual({ total: 90, billable: 60, covered: 30 });
  });

  it('is zero without entries', () => {
    expect(timeTotals([])).toEqual({ total: 0, billable: 0, covered: 0 });
  });
});
