import type { TicketEvent } from '@vigie/contracts';
import type { Db } from '../../db/connection.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { decodeCursor, toPage } from '../../db/pagination.js';
import type { TicketEventRow } from '../../db/schema.js';

export function presentEvent(row: TicketEventRow): TicketEvent {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind as TicketEvent['kind'],
    visibility: row.visibility as TicketEvent['visibility'],
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name },
    body: row.body,
    data: fromJson<Record<string, unknown>>(row.data),
  };
}

export async function insertEvents(db: Db, rows: TicketEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('ticket_events')
    .values(rows.map((r) => ({ ...r, data: toJson(r.data) })))
    .execute();
}

/** The timeline, oldest first (ids are time-ordered); internal events only for those who see them. */
export async function listEvents(
  db: Db,
  ticketId: string,
  options: { includeInternal: boolean; cursor?: string | undefined; limit: number },
) {
  const cursor = decodeCursor(options.cursor);
  let query = db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId);
  if (!options.includeInternal) query = query.where('visibility', '=', 'public');
  if (cursor) query = query.where('id', '>', cursor.id);
  const rows = await query
    .orderBy('id')
    .limit(options.limit + 1)
    .execute();
  return toPage(rows, options.limit, presentEvent, (r) => ({ after: r.id, id: r.id }));
}

/** Texts of a ticket's replies, notes and solution, for its search document. */
export async function eventTexts(db: Db, ticketId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ticket_events')
    .select('body')
    .where('ticket_id', '=', ticketId)
    .where('body', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.body ?? '');
}
