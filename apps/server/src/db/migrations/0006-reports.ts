import type { Kysely } from 'kysely';

/**
 * Access paths of the monthly SLA report, which reads one client's month:
 * - tickets touched since the month began (every ticket opened, taken, resolved or closed in the month was updated
 *   at or after its first instant), instead of all of the client's tickets;
 * - the client's timeline events of one kind in the month (escalations, ratings), instead of every event;
 * - the client's time entries of the month's dates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tickets_client_updated').on('tickets').columns(['client_id', 'updated_at']).execute();
  await db.schema
    .createIndex('ticket_events_client_kind_at')
    .on('ticket_events')
    .columns(['client_id', 'kind', 'at'])
    .execute();
  await db.schema
    .createIndex('time_entries_client_date')
    .on('time_entries')
    .columns(['client_id', 'work_date'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
