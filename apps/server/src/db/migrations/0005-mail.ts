import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * Mail in and out, attachments, one-time links and report sends.
 * - `mail_messages` is the mail log of both directions: every inbound message is stored (with its raw source in
 *   `mail_sources`) before it is processed, and every outbound one is queued here (the outbox) before it is sent.
 *   Its unique `message_id` makes intake idempotent and lets a reply find its ticket through In-Reply-To/References.
 * - `mail_attempts` is the delivery log (each SMTP try and its answer).
 * - `attachments` keeps files of tickets (from mail or the portal) in the database, so every server process sees
 *   them and a backup of the database is a backup of everything.
 * - `ticket_events.mail_pending` marks the events that may produce mail; the outbound composer picks them up
 *   (a transactional outbox: the mail exists if and only if the change committed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  const t = columnTypes(dialect);

  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('channel', 'text')
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id').onDelete('set null'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('from_address', 'text')
    .addColumn('to_addresses', t.json, (c) => c.notNull())
    .addColumn('cc_addresses', t.json, (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'text')
    .addColumn('references', t.json, (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', t.instant)
    .addColumn('processed_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mail_messages_ticket')
    .on('mail_messages')
    .columns(['ticket_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('mail_messages_status')
    .on('mail_messages')
    .columns(['direction', 'status', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('mail_messages_due').on('mail_messages').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('mail_sources')
    .addColumn('mail_id', 'text', (c) => c.primaryKey().references('mail_messages.id').onDelete('cascade'))
    .addColumn('raw', t.bytes, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mail_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mail_id', 'text', (c) => c.notNull().references('mail_messages.id').onDelete('cascade'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('mail_attempts_mail').on('mail_attempts').columns(['mail_id', 'at']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
    .addColumn('event_id', 'text')
    .addColumn('mail_id', 'text', (c) => c.references('mail_messages.id').onDelete('set null'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', t.bytes, (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_ticket').on('attachments').columns(['ticket_id', 'created_at']).execute();

  await db.schema
    .createTable('one_time_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('used_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('one_time_links_user').on('one_time_links').columns(['user_id', 'purpose']).execute();

  await db.schema
    .createTable('report_sends')
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('mail_id', 'text')
    .addColumn('sent_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('report_sends_pk', ['client_id', 'month'])
    .execute();

  await db.schema
    .alterTable('ticket_events')
    .addColumn('mail_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index ticket_events_mail_pending on ticket_events (at, id) where mail_pending = 1`.execute(db);

  await db.schema
    .createTable('mail_digests')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('last_sent_on', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
}
