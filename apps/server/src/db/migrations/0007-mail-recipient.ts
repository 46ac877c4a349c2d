import type { Kysely } from 'kysely';

/**
 * The first recipient of an outbound mail, lower-cased, in its own indexed column: the acknowledgement loop guard
 * ("at most 5 an hour to one address") reads a handful of index entries instead of scanning the hour's mail.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mail_messages').addColumn('recipient', 'text').execute();
  await db.schema
    .createIndex('mail_messages_recipient')
    .on('mail_messages')
    .columns(['recipient', 'kind', 'created_at'])
    .execute();
}
