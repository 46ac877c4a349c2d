import { createHash } from 'node:crypto';

/**
 * The first run of a server check: a stable phase inside its interval derived from its id, so that a thousand
 * checks created together (an import) spread over the interval instead of firing in the same second, and a restart
 * keeps each check's rhythm.
 */
export function firstRunAt(checkId: string, intervalSeconds: number, now: Date): Date {
  const phase = createHash('sha1').update(checkId).digest().readUInt32BE(0) % (intervalSeconds * 1000);
  const step = intervalSeconds * 1000;
  const base = Math.floor(now.getTime() / step) * step + phase;
  return new Date(base <= now.getTime() ? base + step : base);
}
