import { sql } from 'kysely';
import type { Db } from './connection.js';

/**
 * Next value of a named counter (1 the first time), in the caller's transaction: one upsert, so that two writers
 * never read the same value and a missing row is created on the way (SQLite ≥ 3.35 and PostgreSQL both RETURNING).
 */
export async function nextCounterValue(db: Db, name: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
