import { describe, expect, it } from 'vitest';
import {
  defaultSlaPolicy,
  entrySupportLevel,
  levelsKeptByClient,
  renewalNoticeDate,
  validateSlaPolicy,
} from './contract.js';

describe('contract rules', () => {
  it('enters tickets at N2 when the client keeps N1 in-house', () => {
    expect(entrySupportLevel([2, 3])).toBe(2);
    expect(levelsKeptByClient([2, 3])).toEqual([1]);
    expect(entrySupportLevel([1, 2, 3])).toBe(1);
    expect(levelsKeptByClient([3])).toEqual([1, 2]);
    expect(entrySupportLevel([])).toBeNull();
  });

  it('dates the renewal notice from the end date, across a year end', () => {
    expect(renewalNoticeDate('2027-01-31', 90)).toBe('2026-11-02');
    expect(renewalNoticeDate(null, 90)).toBeNull();
  });

  it('refuses zero targets and a resolution shorter than the take-charge', () => {
    const policy = defaultSlaPolicy();
    policy.targets.P2 = { ttoMinutes: 0, ttrMinutes: 60, aroundTheClock: false };
    policy.targets.P3 = { ttoMinutes: 120, ttrMinutes: 60, aroundTheClock: false };
    policy.warningPercent = 100;
    expect(validateSlaPolicy(policy)).toEqual([
      { path: ['targets', 'P2', 'ttoMinutes'], message: 'must be greater than zero' },
      { path: ['targets', 'P3', 'ttrMinutes'], message: 'time to resolve cannot be shorter than time to own' },
      { path: ['warningPercent'], message: 'must be between 1 and 99' },
    ]);
    expect(validateSlaPolicy(defaultSlaPolicy())).toEqual([]);
  });
});
