/** The mail log: outbound mail with its tries, and the thread of one ticket. */
import type { OutboundMailListQuery } from '@vigie/contracts';
import type { ClientScope } from '../../../core/actor.js';
import type { Db } from '../../../db/connection.js';
import { decodeCursor, instantAfter, nonEmpty, toPage } from '../../../db/pagination.js';
import type { MailMessageRow } from '../../../db/schema.js';

export type LoggedMail = MailMessageRow & { client_name: string | null; ticket_number: number | null };

function selectLogged(db: Db) {
  return db
    .selectFrom('mail_messages')
    .leftJoin('clients', 'clients.id', 'mail_messages.client_id')
    .leftJoin('tickets', 'tickets.id', 'mail_messages.ticket_id')
    .selectAll('mail_messages')
    .select(['clients.name as client_name', 'tickets.number as ticket_number']);
}

/**
 * Newest first. `withoutClient` lets managers see mail that belongs to no client; a technician's scope never does.
 */
export async function listOutboundMail(
  db: Db,
  scope: ClientScope,
  withoutClient: boolean,
  query: OutboundMailListQuery,
) {
  const cursor = decodeCursor(query.cursor);
  let q = selectLogged(db)
    .where('mail_messages.direction', '=', 'out')
    .orderBy('mail_messages.created_at', 'desc')
    .orderBy('mail_messages.id', 'desc')
    .limit(query.limit + 1);
  if (scope !== 'all') {
    const ids = nonEmpty(scope);
    q = withoutClient
      ? q.where((eb) => eb.or([eb('mail_messages.client_id', 'in', ids), eb('mail_messages.client_id', 'is', null)]))
      : q.where('mail_messages.client_id', 'in', ids);
  } else if (!withoutClient) q = q.where('mail_messages.client_id', 'is not', null);
  if (query.status) q = q.where('mail_messages.status', '=', query.status);
  if (query.kind) q = q.where('mail_messages.kind', '=', query.kind);
  if (query.ticketId) q = q.where('mail_messages.ticket_id', '=', query.ticketId);
  if (cursor) {
    const after = instantAfter(cursor);
    q = q.where((eb) =>
      eb.or([
        eb('mail_messages.created_at', '<', after),
        eb.and([eb('mail_messages.created_at', '=', after), eb('mail_messages.id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await q.execute();
  return { rows, page: (present: (row: LoggedMail) => unknown) => toPage(rows, query.limit, present, cursorOf) };
}

const cursorOf = (row: LoggedMail) => ({ after: new Date(row.created_at).toISOString(), id: row.id });

export async function findLoggedMail(db: Db, id: string): Promise<LoggedMail | undefined> {
  return selectLogged(db).where('mail_messages.id', '=', id).executeTakeFirst();
}

export async function attemptsOf(db: Db, mailId: string) {
  return db.selectFrom('mail_attempts').selectAll().where('mail_id', '=', mailId).orderBy('at').orderBy('id').execute();
}

export async function attachmentsOf(db: Db, mailId: string) {
  return db
    .selectFrom('attachments')
    .select(['file_name', 'content_type', 'size_bytes'])
    .where('mail_id', '=', mailId)
    .orderBy('created_at')
    .execute();
}

/** Every message of a ticket, in and out, oldest first (a ticket's thread is short: bounded anyway). */
export async function mailOfTicket(db: Db, ticketId: string): Promise<MailMessageRow[]> {
  return db
    .selectFrom('mail_messages')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function clientOfTicket(db: Db, ticketId: string): Promise<string | undefined> {
  const row = await db.selectFrom('tickets').select('client_id').where('id', '=', ticketId).executeTakeFirst();
  return row?.client_id;
}

/** Puts a mail back in the queue (or `held` without a relay), its tries counted afresh; its past tries stay logged. */
export async function requeueMail(db: Db, id: string, status: 'queued' | 'held', now: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_messages')
    .set({
      status,
      attempts: 0,
      next_attempt_at: status === 'queued' ? now : null,
      error: null,
      processed_at: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('direction', '=', 'out')
    .where('status', 'in', ['failed', 'held'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
