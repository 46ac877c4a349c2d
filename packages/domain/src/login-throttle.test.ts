import { describe, expect, it } from 'vitest';
import { afterFailure, lockRemaining } from './login-throttle.js';

const policy = { maxFailures: 3, windowMs: 60_000, lockMs: 300_000 };

describe('sign-in throttling', () => {
  it('locks at the max-th failure inside a window, for the lock duration', () => {
    let state = afterFailure(null, 0, policy);
    state = afterFailure(state, 10_000, policy);
    expect(lockRemaining(state, 10_000)).toBe(0);
    state = afterFailure(state, 20_000, policy);
    expect(lockRemaining(state, 20_000)).toBe(300_000);
    expect(lockRemaining(state, 320_000)).toBe(0);
  });

  it('forgets failures older than the window', () => {
    let state = afterFailure(null, 0, policy);
    state = afterFailure(state, 10_000, policy);
    state = afterFailure(state, 70_001, policy);
    expect(state).toEqual({ failures: 1, windowStartedAt: 70_001, lockedUntil: null });
  });

  it('starts counting afresh once a lock is over', () => {
    let state = afterFailure(afterFailure(afterFailure(null, 0, policy), 1, policy), 2, policy);
    state = afterFailure(state, 400_000, policy);
    expect(state).toEqual({ failures: 1, windowStartedAt: 400_000, lockedUntil: null });
  });
});
