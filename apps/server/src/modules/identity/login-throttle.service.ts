import { afterFailure, lockRemaining, type ThrottlePolicy, type ThrottleState } from '@vigie/domain';
import type { Clock } from '../../core/clock.js';
import { tooManyRequests } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import type { LoginThrottleRow } from '../../db/schema.js';
import { clearThrottle, findThrottle, saveThrottle } from './throttle.repository.js';

const toState = (row: LoginThrottleRow | undefined): ThrottleState | null =>
  row
    ? {
        failures: row.failures,
        windowStartedAt: Date.parse(row.window_started_at),
        lockedUntil: row.locked_until ? Date.parse(row.locked_until) : null,
      }
    : null;

/**
 * Sign-in rate limiting kept in the database, so that it holds across restarts and server processes:
 * per account (temporary lockout) and per address (spraying many accounts).
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly accountPolicy: ThrottlePolicy,
    private readonly addressPolicy: ThrottlePolicy,
  ) {}

  /** Refuses with 429 while the account or the address is locked. */
  async assertOpen(email: string, ip: string): Promise<void> {
    const now = this.clock.now().getTime();
    for (const key of [`ip:${ip}`, `account:${email}`]) {
      const remaining = lockRemaining(toState(await findThrottle(this.db, key)), now);
      if (remaining > 0) throw this.lockedError(key, remaining);
    }
  }

  /** Counts a failure; answers the lock error when this failure triggered one. */
  async recordFailure(email: string, ip: string): Promise<Error | null> {
    const now = this.clock.now().getTime();
    let locked: Error | null = null;
    const pairs: [string, ThrottlePolicy][] = [
      [`account:${email}`, this.accountPolicy],
      [`ip:${ip}`, this.addressPolicy],
    ];
    for (const [key, policy] of pairs) {
      const next = afterFailure(toState(await findThrottle(this.db, key)), now, policy);
      await saveThrottle(this.db, {
        key,
        failures: next.failures,
        window_started_at: new Date(next.windowStartedAt).toISOString(),
        locked_until: next.lockedUntil ? new Date(next.lockedUntil).toISOString() : null,
      });
      if (next.lockedUntil && !locked) locked = this.lockedError(key, next.lockedUntil - now);
    }
    return locked;
  }

  async recordSuccess(email: string): Promise<void> {
    await clearThrottle(this.db, `account:${email}`);
  }

  private lockedError(key: string, remainingMs: number): Error {
    const seconds = Math.ceil(remainingMs / 1000);
    const minutes = Math.ceil(seconds / 60);
    const what = key.startsWith('ip:')
      ? 'Too many failed sign-ins from this address'
      : 'This account is temporarily locked after repeated failed sign-ins';
    return tooManyRequests(`${what}; try again in ${minutes} minute${minutes > 1 ? 's' : ''}`, seconds);
  }
}
