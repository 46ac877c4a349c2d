import type { TimeEntry } from '../api/work-types';

export interface TimeTotals {
  total: number;
  billable: number;
  covered: number;
}

/** Minutes logged, split into billable (consumes the hour bank, or is invoiced) and covered by the contract. */
export function timeTotals(entries: readonly Pick<TimeEntry, 'minutes' | 'billable'>[]): TimeTotals {
  let billable = 0;
  let covered = 0;
  for (const entry of entries) {
    if (entry.billable) billable += entry.minutes;
    else covered += entry.minutes;
  }
  return { total: billable + covered, billable, covered };
}
