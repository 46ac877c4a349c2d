import type { Db } from './connection.js';
import { dialectOf } from './dialect.js';

/** Outboxes whose rows are claimed under a lease: each has an id, a status and the instant of its next try. */
type LeasedTable = 'mail_messages' | 'notification_deliveries';

/**
 * Takes the ids of up to `limit` rows in `status` due by `now` and pushes their next try to `leaseUntil`, in the
 * caller's transaction: another process (SKIP LOCKED on PostgreSQL) or the next pass leaves them alone while this one
 * works on them; if this process dies, the lease runs out and they are taken again.
 */
export async function leaseDue(
  trx: Db,
  table: LeasedTable,
  status: string,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<string[]> {
  // Both tables have these columns; the query is type-checked against the first.
  const leased = table as 'mail_messages';
  let query = trx
    .selectFrom(leased)
    .select('id')
    .where('status', '=', status)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (dialectOf(trx) === 'postgres') query = query.forUpdate().skipLocked();
  const ids = (await query.execute()).map((row) => row.id);
  if (ids.length > 0)
    await trx.updateTable(leased).set({ next_attempt_at: leaseUntil }).where('id', 'in', ids).execute();
  return ids;
}
