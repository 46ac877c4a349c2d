/** SQL of mail intake: the inbound side of the mail log, its raw sources, and the look-ups threading needs. */
import { sql } from 'kysely';
import type { ClientScope } from '../../../core/actor.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import { dialectOf, toJson } from '../../../db/dialect.js';
import { decodeCursor, instantAfter, nonEmpty, toPage } from '../../../db/pagination.js';
import type { MailMessageRow } from '../../../db/schema.js';

export interface ReceivedMail {
  messageId: string;
  channel: 'smtp' | 'imap';
  raw: Uint8Array;
  /** The message's real size when only its headers were fetched (IMAP, over the limit). */
  sizeBytes?: number;
  subject: string;
  from: string | null;
  at: string;
}

/**
 * Stores a message as received, with its raw source, unless a message with the same Message-ID is stored already
 * (a second delivery): then nothing is written and `duplicate` says so.
 */
export async function insertReceived(trx: Db, mail: ReceivedMail): Promise<{ id: string; duplicate: boolean }> {
  const id = newId();
  const result = await trx
    .insertInto('mail_messages')
    .values({
      id,
      direction: 'in',
      message_id: mail.messageId,
      status: 'received',
      kind: null,
      channel: mail.channel,
      ticket_id: null,
      client_id: null,
      user_id: null,
      from_address: mail.from,
      to_addresses: toJson([]),
      cc_addresses: toJson([]),
      subject: mail.subject,
      in_reply_to: null,
      references: toJson([]),
      locale: null,
      text_body: null,
      html_body: null,
      size_bytes: Math.max(mail.raw.byteLength, mail.sizeBytes ?? 0),
      error: null,
      attempts: 0,
      next_attempt_at: null,
      processed_at: null,
      created_at: mail.at,
      updated_at: mail.at,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
    const existing = await trx
      .selectFrom('mail_messages')
      .select('id')
      .where('message_id', '=', mail.messageId)
      .executeTakeFirstOrThrow();
    return { id: existing.id, duplicate: true };
  }
  await trx.insertInto('mail_sources').values({ mail_id: id, raw: mail.raw }).execute();
  return { id, duplicate: false };
}

/**
 * The inbound message if it is in one of `statuses`, locked for this transaction on PostgreSQL; a message another
 * process is working on right now is skipped (it will be done there).
 */
export async function claimInbound(
  trx: Db,
  id: string,
  statuses: readonly string[],
): Promise<MailMessageRow | undefined> {
  let q = trx
    .selectFrom('mail_messages')
    .selectAll()
    .where('id', '=', id)
    .where('direction', '=', 'in')
    .where('status', 'in', nonEmpty(statuses));
  if (dialectOf(trx) === 'postgres') q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

export async function rawSourceOf(db: Db, id: string): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('mail_sources').select('raw').where('mail_id', '=', id).executeTakeFirst();
  return row?.raw;
}

export interface InboundOutcome {
  status: 'processed' | 'ignored' | 'triage' | 'quarantined';
  kind: string;
  ticketId?: string | null;
  clientId?: string | null;
  userId?: string | null;
  error?: string | null;
  fromAddress?: string | null;
  to?: string[];
  cc?: string[];
  subject?: string;
  inReplyTo?: string | null;
  references?: string[];
  text?: string | null;
  at: string;
}

export async function recordOutcome(trx: Db, id: string, o: InboundOutcome): Promise<void> {
  await trx
    .updateTable('mail_messages')
    .set({
      status: o.status,
      kind: o.kind,
      ...(o.ticketId !== undefined ? { ticket_id: o.ticketId } : {}),
      ...(o.clientId !== undefined ? { client_id: o.clientId } : {}),
      ...(o.userId !== undefined ? { user_id: o.userId } : {}),
      error: o.error ?? null,
      ...(o.fromAddress !== undefined ? { from_address: o.fromAddress } : {}),
      ...(o.to ? { to_addresses: toJson(o.to) } : {}),
      ...(o.cc ? { cc_addresses: toJson(o.cc) } : {}),
      ...(o.subject !== undefined ? { subject: o.subject } : {}),
      ...(o.inReplyTo !== undefined ? { in_reply_to: o.inReplyTo } : {}),
      ...(o.references ? { references: toJson(o.references) } : {}),
      ...(o.text !== undefined ? { text_body: o.text } : {}),
      processed_at: o.at,
      updated_at: o.at,
    })
    .where('id', '=', id)
    .execute();
}

/** A failed processing attempt (the database failed, a bug): counted, so that a message failing forever stops. */
export async function countFailedAttempt(db: Db, id: string, error: string, at: string): Promise<number> {
  await db
    .updateTable('mail_messages')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), error: error.slice(0, 1000), updated_at: at }))
    .where('id', '=', id)
    .execute();
  const row = await db.selectFrom('mail_messages').select('attempts').where('id', '=', id).executeTakeFirst();
  return row?.attempts ?? 0;
}

/** Back to `received` for another pass (re-inject). */
export async function resetToReceived(trx: Db, id: string, at: string): Promise<void> {
  await trx
    .updateTable('mail_messages')
    .set({ status: 'received', attempts: 0, error: null, processed_at: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Messages left `received` since before `before` (a crash between storing and processing), oldest first. */
export async function receivedBefore(db: Db, before: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('direction', '=', 'in')
    .where('status', '=', 'received')
    .where('created_at', '<=', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export interface ThreadTicket {
  id: string;
  client_id: string;
  status: string;
  number: number;
}

/** The ticket of the first message (in the given order) that has one: threading by In-Reply-To/References. */
export async function ticketOfMessages(db: Db, messageIds: readonly string[]): Promise<ThreadTicket | undefined> {
  if (messageIds.length === 0) return undefined;
  const rows = await db
    .selectFrom('mail_messages')
    .innerJoin('tickets', 'tickets.id', 'mail_messages.ticket_id')
    .select(['mail_messages.message_id', 'tickets.id', 'tickets.client_id', 'tickets.status', 'tickets.number'])
    .where('mail_messages.message_id', 'in', messageIds)
    .execute();
  for (const id of messageIds) {
    const row = rows.find((r) => r.message_id === id);
    if (row) return { id: row.id, client_id: row.client_id, status: row.status, number: row.number };
  }
  return undefined;
}

export async function ticketByNumber(db: Db, number: number): Promise<ThreadTicket | undefined> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2 ** 31 - 1) return undefined;
  return db
    .selectFrom('tickets')
    .select(['id', 'client_id', 'status', 'number'])
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Contacts with that address at active clients (case-insensitive), oldest first. */
export async function contactsByEmail(db: Db, email: string) {
  const select = () =>
    db
      .selectFrom('contacts')
      .innerJoin('clients', 'clients.id', 'contacts.client_id')
      .select([
        'contacts.id',
        'contacts.client_id',
        'contacts.first_name',
        'contacts.last_name',
        'contacts.locale',
        'contacts.email',
      ])
      .where('clients.active', '=', 1)
      .orderBy('contacts.created_at')
      .orderBy('contacts.id');
  const exact = await select().where('contacts.email', '=', email).execute();
  if (exact.length > 0) return exact;
  return select().where(sql<string>`lower(contacts.email)`, '=', email).execute();
}

/** An active account with that address: staff, or a person of an active client (an archived client takes no mail). */
export async function userByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .leftJoin('clients', 'clients.id', 'users.client_id')
    .select(['users.id', 'users.name', 'users.role', 'users.client_id', 'users.active', 'users.locale'])
    .where('users.email', '=', email)
    .where('users.active', '=', 1)
    .where((eb) => eb.or([eb('users.client_id', 'is', null), eb('clients.active', '=', 1)]))
    .executeTakeFirst();
}

/** The client registered for the domain, or for a parent domain (`paris.acme.fr` → `acme.fr`). */
export async function clientOfDomain(db: Db, domain: string): Promise<string | undefined> {
  const labels = domain.split('.');
  const candidates = labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
  if (candidates.length === 0) return undefined;
  const rows = await db
    .selectFrom('client_mail_domains')
    .innerJoin('clients', 'clients.id', 'client_mail_domains.client_id')
    .select(['client_mail_domains.domain', 'client_mail_domains.client_id'])
    .where('client_mail_domains.domain', 'in', candidates)
    .where('clients.active', '=', 1)
    .execute();
  for (const c of candidates) {
    const row = rows.find((r) => r.domain === c);
    if (row) return row.client_id;
  }
  return undefined;
}

export async function clientExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('clients').select('id').where('id', '=', id).where('active', '=', 1).executeTakeFirst()) !==
    undefined
  );
}

/** A bounce that names one of our outbound messages: its delivery is logged as failed. */
export async function markOutboundBounced(
  trx: Db,
  messageIds: readonly string[],
  detail: string,
  at: string,
): Promise<number> {
  if (messageIds.length === 0) return 0;
  const rows = await trx
    .selectFrom('mail_messages')
    .select('id')
    .where('direction', '=', 'out')
    .where('message_id', 'in', messageIds)
    .execute();
  for (const row of rows) {
    await trx
      .insertInto('mail_attempts')
      .values({ id: newId(), mail_id: row.id, at, outcome: 'bounced', detail })
      .execute();
    await trx
      .updateTable('mail_messages')
      .set({ status: 'failed', error: detail, next_attempt_at: null, updated_at: at })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}

const INBOUND_COLUMNS = [
  'mail_messages.id',
  'mail_messages.status',
  'mail_messages.kind',
  'mail_messages.channel',
  'mail_messages.message_id',
  'mail_messages.from_address',
  'mail_messages.to_addresses',
  'mail_messages.cc_addresses',
  'mail_messages.subject',
  'mail_messages.in_reply_to',
  'mail_messages.references',
  'mail_messages.text_body',
  'mail_messages.client_id',
  'mail_messages.ticket_id',
  'mail_messages.error',
  'mail_messages.size_bytes',
  'mail_messages.created_at',
  'mail_messages.processed_at',
  'clients.name as client_name',
  'tickets.number as ticket_number',
] as const;

function selectInbound(db: Db) {
  return db
    .selectFrom('mail_messages')
    .leftJoin('clients', 'clients.id', 'mail_messages.client_id')
    .leftJoin('tickets', 'tickets.id', 'mail_messages.ticket_id')
    .select(INBOUND_COLUMNS)
    .where('mail_messages.direction', '=', 'in');
}

export type InboundRow = Awaited<ReturnType<typeof findInbound>> & object;

export async function findInbound(db: Db, id: string) {
  return selectInbound(db).where('mail_messages.id', '=', id).executeTakeFirst();
}

/** Newest first, keyset-paginated on (created_at, id); mail without a client is seen by every member of staff. */
export async function listInbound(
  db: Db,
  options: { status: string; scope: ClientScope; cursor?: string | undefined; limit: number },
) {
  const cursor = decodeCursor(options.cursor);
  let q = selectInbound(db)
    .where('mail_messages.status', '=', options.status)
    .orderBy('mail_messages.created_at', 'desc')
    .orderBy('mail_messages.id', 'desc')
    .limit(options.limit + 1);
  if (options.scope !== 'all') {
    const ids = nonEmpty(options.scope);
    q = q.where((eb) => eb.or([eb('mail_messages.client_id', 'is', null), eb('mail_messages.client_id', 'in', ids)]));
  }
  if (cursor) {
    const after = instantAfter(cursor);
    q = q.where((eb) =>
      eb(eb.refTuple('mail_messages.created_at', 'mail_messages.id'), '<', eb.tuple(after, cursor.id)),
    );
  }
  const rows = await q.execute();
  return toPage(
    rows,
    options.limit,
    (r) => r,
    (r) => ({ after: r.created_at, id: r.id }),
  );
}
