/** Failed sign-ins counted for one key (an account or an address) inside a window. Instants in ms. */
export interface ThrottleState {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Milliseconds left on a lock, or 0 when sign-in may be tried. */
export function lockRemaining(state: ThrottleState | null, now: number): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil - now);
}

/**
 * The state after one more failure: a new window when the last one is over;
 * the lock falls at the max-th failure of a window and the count starts again after it.
 */
export function afterFailure(state: ThrottleState | null, now: number, policy: ThrottlePolicy): ThrottleState {
  const fresh =
    !state ||
    now - state.windowStartedAt >= policy.windowMs ||
    (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = (fresh ? 0 : state.failures) + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  if (failures >= policy.maxFailures) return { failures: 0, windowStartedAt: now, lockedUntil: now + policy.lockMs };
  return { failures, windowStartedAt, lockedUntil: null };
}
