import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  const t = columnTypes(dialect);

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', t.json, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ticket_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', t.name, (c) => c.notNull().unique())
    .addColumn('scope_domain', 'text')
    .addColumn('default_team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('contract_id', 'text', (c) => c.references('contracts.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pending_reason', 'text')
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('urgency', 'integer', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.references('ticket_categories.id').onDelete('set null'))
    .addColumn('support_level', 'integer', (c) => c.notNull())
    .addColumn('entry_level', 'integer', (c) => c.notNull())
    .addColumn('levels_delivered', t.json, (c) => c.notNull())
    .addColumn('out_of_scope', 'integer', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('requester_contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('requester_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('requester_name', 'text')
    .addColumn('sla', t.json)
    .addColumn('due_at', t.instant, (c) => c.notNull())
    .addColumn('next_milestone_at', t.instant)
    .addColumn('solution', t.json)
    .addColumn('follow_up_ticket_id', 'text')
    .addColumn('parent_ticket_id', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('manager_escalation', t.json)
    .addColumn('satisfaction_rating', 'integer')
    .addColumn('satisfaction_comment', 'text')
    .addColumn('taken_at', t.instant)
    .addColumn('resolved_at', t.instant)
    .addColumn('auto_close_at', t.instant)
    .addColumn('closed_at', t.instant)
    .addColumn('close_cause', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // Queues read "these tickets, nearest deadline first": one index per way of choosing them.
  const queueIndexes: [string, string[]][] = [
    ['tickets_team_status_due', ['team_id', 'status', 'due_at', 'id']],
    ['tickets_team_open_due', ['team_id', 'is_open', 'due_at', 'id']],
    ['tickets_assignee_open_due', ['assignee_id', 'is_open', 'due_at', 'id']],
    ['tickets_client_open_due', ['client_id', 'is_open', 'due_at', 'id']],
    ['tickets_open_due', ['is_open', 'due_at', 'id']],
    ['tickets_status_due', ['status', 'due_at', 'id']],
    ['tickets_updated', ['updated_at', 'id']],
    ['tickets_requester', ['requester_user_id', 'id']],
    ['tickets_next_milestone', ['next_milestone_at']],
    ['tickets_auto_close', ['status', 'auto_close_at']],
  ];
  for (const [name, columns] of queueIndexes) {
    await db.schema.createIndex(name).on('tickets').columns(columns).execute();
  }

  await db.schema
    .createTable('ticket_assets')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('ticket_assets_pk', ['ticket_id', 'asset_id'])
    .execute();
  await db.schema.createIndex('ticket_assets_asset').on('ticket_assets').column('asset_id').execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('data', t.json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'id']).execute();

  // A milestone fires once: the primary key is the guarantee, whatever the number of server processes.
  await db.schema
    .createTable('sla_milestones')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('clock', 'text', (c) => c.notNull())
    .addColumn('milestone', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('fired_at', t.instant, (c) => c.notNull())
    .addColumn('due_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_milestones_pk', ['ticket_id', 'clock', 'milestone'])
    .execute();
  await db.schema
    .createIndex('sla_milestones_client')
    .on('sla_milestones')
    .columns(['client_id', 'fired_at'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('saved_views_user_name', ['user_id', 'name'])
    .execute();

  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.references('contracts.id').onDelete('set null'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('work_date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('billable', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('time_entries_ticket').on('time_entries').columns(['ticket_id', 'id']).execute();
  await db.schema
    .createIndex('time_entries_contract')
    .on('time_entries')
    .columns(['contract_id', 'work_date'])
    .execute();

  await db.schema
    .createTable('interventions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('technician_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scheduled_start', t.instant, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('travel_minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('signed_by', 'text')
    .addColumn('signature_png', 'text')
    .addColumn('signed_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interventions_ticket').on('interventions').columns(['ticket_id', 'id']).execute();

  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('tags', t.json, (c) => c.notNull())
    .addColumn('source_ticket_id', 'text', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kb_articles_client').on('kb_articles').columns(['client_id', 'id']).execute();

  // Full-text search: one document per ticket (title, description, replies, notes, solution) keyed by the ticket
  // number, and one per article keyed by its sequence; FTS5 on SQLite, tsvector + GIN on PostgreSQL.
  if (dialect === 'postgres') {
    for (const table of ['ticket_fts', 'kb_fts']) {
      await sql`create table ${sql.table(table)} (rowid integer primary key, document tsvector not null)`.execute(db);
      await sql`create index ${sql.raw(`${table}_document`)} on ${sql.table(table)} using gin (document)`.execute(db);
    }
  } else {
    for (const table of ['ticket_fts', 'kb_fts']) {
      await sql`create virtual table ${sql.table(table)} using fts5(document, tokenize = 'unicode61 remove_diacritics 2')`.execute(
        db,
      );
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
