import type { AuditListQuery } from '@vigie/contracts';
import type { ClientScope } from '../../core/actor.js';
import type { Db } from '../../db/connection.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { decodeCursor, nonEmpty, toPage } from '../../db/pagination.js';
import type { AuditEventRow } from '../../db/schema.js';

export type NewAuditEvent = Omit<AuditEventRow, 'before' | 'after'> & {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export async function insertAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      ...event,
      before: event.before ? toJson(event.before) : null,
      after: event.after ? toJson(event.after) : null,
    })
    .execute();
}

function present(row: AuditEventRow) {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    clientId: row.client_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    before: row.before === null ? null : fromJson<Record<string, unknown>>(row.before),
    after: row.after === null ? null : fromJson<Record<string, unknown>>(row.after),
    requestId: row.request_id,
  };
}

/** Newest first. A client scope only ever shows events of those clients, never provider-wide ones. */
export async function listAuditEvents(db: Db, scope: ClientScope, query: AuditListQuery) {
  const cursor = decodeCursor(query.cursor);
  let q = db
    .selectFrom('audit_events')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (scope !== 'all') q = q.where('client_id', 'in', nonEmpty(scope));
  if (query.clientId) q = q.where('client_id', '=', query.clientId);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.objectType) q = q.where('object_type', '=', query.objectType);
  if (query.objectId) q = q.where('object_id', '=', query.objectId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.from) q = q.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('at', '<', new Date(query.to).toISOString());
  if (cursor) q = q.where('id', '<', cursor.id);
  const rows = await q.execute();
  return toPage(rows, query.limit, present, (row) => ({ after: row.id, id: row.id }));
}
