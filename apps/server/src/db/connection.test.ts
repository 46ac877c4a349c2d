import { describe, expect, it } from 'vitest';
import { isoFromPostgres } from './connection.js';

describe('PostgreSQL instants', () => {
  it('reads UTC timestamps as ISO 8601 with milliseconds', () => {
    expect(isoFromPostgres('2026-03-02 09:00:00+00')).toBe('2026-03-02T09:00:00.000Z');
    expect(isoFromPostgres('2026-03-02 09:00:00.1+00')).toBe('2026-03-02T09:00:00.100Z');
    expect(isoFromPostgres('2026-03-02 09:00:00.123456+00')).toBe('2026-03-02T09:00:00.123Z');
  });

  it('falls back to a full parse for another offset', () => {
    expect(isoFromPostgres('2026-03-02 10:00:00.5+01')).toBe('2026-03-02T09:00:00.500Z');
  });
});
