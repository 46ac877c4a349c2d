import type { TimeEntry } from '@vigie/contracts';
import type { Db } from '../../db/connection.js';
import { dialectOf } from '../../db/dialect.js';
import { decodeCursor, toPage } from '../../db/pagination.js';
import type { TimeEntryRow } from '../../db/schema.js';

/** A time entry with the name of the person who worked. */
export type TimeEntryRecord = TimeEntryRow & { user_name: string };

export function presentTimeEntry(row: TimeEntryRecord, showNote: boolean): TimeEntry {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    user: { id: row.user_id, name: row.user_name },
    workDate: row.work_date,
    minutes: row.minutes,
    billable: row.billable === 1,
    note: showNote ? row.note : null,
    createdAt: row.created_at,
  };
}

function selectEntries(db: Db) {
  return db
    .selectFrom('time_entries')
    .innerJoin('users', 'users.id', 'time_entries.user_id')
    .selectAll('time_entries')
    .select('users.name as user_name');
}

export async function findTimeEntry(db: Db, id: string): Promise<TimeEntryRecord | undefined> {
  return selectEntries(db).where('time_entries.id', '=', id).executeTakeFirst();
}

export async function insertTimeEntry(db: Db, row: TimeEntryRow): Promise<void> {
  await db.insertInto('time_entries').values(row).execute();
}

export async function deleteTimeEntry(db: Db, id: string): Promise<void> {
  await db.deleteFrom('time_entries').where('id', '=', id).execute();
}

/** A ticket's entries in the order they were logged (ids are time-ordered). */
export async function listTimeEntries(db: Db, ticketId: string, query: { cursor?: string | undefined; limit: number }) {
  const cursor = decodeCursor(query.cursor);
  let q = selectEntries(db)
    .where('time_entries.ticket_id', '=', ticketId)
    .orderBy('time_entries.id')
    .limit(query.limit + 1);
  if (cursor) q = q.where('time_entries.id', '>', cursor.id);
  return toPage(
    await q.execute(),
    query.limit,
    (r) => r,
    (r) => ({ after: r.id, id: r.id }),
  );
}

/** Billable minutes logged against a contract between two dates (inclusive; null: no bound on that side). */
export async function billableMinutes(
  db: Db,
  contractId: string,
  from: string | null,
  to: string | null,
): Promise<number> {
  let q = db
    .selectFrom('time_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), eb.lit(0)).as('minutes'))
    .where('contract_id', '=', contractId)
    .where('billable', '=', 1);
  if (from !== null) q = q.where('work_date', '>=', from);
  if (to !== null) q = q.where('work_date', '<=', to);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.minutes);
}

/**
 * Serialises hour-bank checks of one contract on PostgreSQL (a row lock held to the end of the transaction), so
 * that two entries logged at once cannot both miss, or both report, the crossing of a threshold. SQLite runs one
 * write transaction at a time already.
 */
export async function lockContractHours(db: Db, contractId: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await db.selectFrom('contracts').select('id').where('id', '=', contractId).forUpdate().execute();
}
