/**
 * The state of one check (DOMAIN §6), as Nagios counts it: a problem is *soft* while it has been seen fewer than
 * `maxAttempts` times in a row (visible, raises nothing), *hard* once it has; a hard state raises or clears an alert.
 * Plugins answer 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
 */
export const CHECK_STATUSES = ['ok', 'warning', 'critical', 'unknown'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface CheckState {
  status: CheckStatus;
  /** Hard: confirmed (or OK); soft: a problem not yet seen `maxAttempts` times in a row. */
  hard: boolean;
  /** Which consecutive result of the current problem this is (1 when OK). */
  attempt: number;
}

/** What a new result changes for alerting: a hard problem starts or changes severity, or it recovers. */
export type CheckTransition = 'none' | 'problem' | 'severity' | 'recovery';

export const INITIAL_CHECK_STATE: CheckState = { status: 'ok', hard: true, attempt: 1 };

/** A plugin's exit code as a status; anything else (a crash, a signal) is UNKNOWN. */
export function statusOfExitCode(code: number | null): CheckStatus {
  return code === 0 ? 'ok' : code === 1 ? 'warning' : code === 2 ? 'critical' : 'unknown';
}

export function applyCheckResult(
  previous: CheckState,
  status: CheckStatus,
  maxAttempts: number,
): { state: CheckState; transition: CheckTransition } {
  const max = Math.max(1, Math.floor(maxAttempts));
  if (status === 'ok') {
    const recovered = previous.status !== 'ok' && previous.hard;
    return { state: INITIAL_CHECK_STATE, transition: recovered ? 'recovery' : 'none' };
  }
  if (previous.status !== 'ok' && previous.hard) {
    // Already confirmed: stays hard; a different problem status is a change of severity.
    const state = { status, hard: true, attempt: Math.min(previous.attempt + 1, max) };
    return { state, transition: status === previous.status ? 'none' : 'severity' };
  }
  const attempt = previous.status === 'ok' ? 1 : previous.attempt + 1;
  if (attempt >= max) return { state: { status, hard: true, attempt: max }, transition: 'problem' };
  return { state: { status, hard: false, attempt }, transition: 'none' };
}
