import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * Supervision (DOMAIN §6).
 * - `agents` hold only the hash of their credential; `agent_enrollments` the hash of each expiring enrollment token.
 *   `agents.last_seq` is the highest batch committed: a replayed batch (same or lower sequence) is acknowledged again
 *   and never counted twice.
 * - `checks` carry their configuration and their current state (soft/hard, attempt, the last 21 statuses for
 *   flapping, reachability); `check_changes` is the history of state changes, what availability is computed from.
 * - `alerts`: one open alert per fingerprint (asset + check), enforced by a partial unique index; `alert_events` is
 *   its timeline (opened, severity, acknowledged, comments, resolved).
 * - `maintenance_windows`: one-off or recurring (RRULE), scoped to a client, site, asset or check.
 * - Metrics: `metric_series` (one per asset + name), raw `metric_samples`, then `metric_rollups` at 5 minutes and
 *   one hour; instants there are epoch milliseconds (bigint) to keep rows small.
 * - Inventory: `asset_inventories` (one per asset), `asset_packages`, `asset_updates`.
 * - Notifications: `notification_rules` route alerts to mail or webhooks; `notification_deliveries` is their outbox,
 *   unique per rule, alert, state change and repeat, so a change is never announced twice; `notification_attempts`
 *   is the delivery log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('agent_enrollments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id').onDelete('set null'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revoked_at', t.instant)
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('hostname', 'text', (c) => c.notNull())
    .addColumn('credential_hash', 'text', (c) => c.notNull().unique())
    .addColumn('previous_credential_hash', 'text')
    .addColumn('rotate_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('os', 'text')
    .addColumn('last_seen_at', t.instant)
    .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('config_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('enrolled_at', t.instant, (c) => c.notNull())
    .addColumn('revoked_at', t.instant)
    .execute();
  await db.schema.createIndex('agents_client').on('agents').columns(['client_id']).execute();
  await db.schema.createIndex('agents_asset').on('agents').columns(['asset_id']).execute();

  await db.schema
    .createTable('checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('agent_id', 'text', (c) => c.references('agents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('config', t.json, (c) => c.notNull())
    .addColumn('host_check', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('timeout_ms', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hard', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('reachability', 'text', (c) => c.notNull().defaultTo('up'))
    .addColumn('flapping', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('history', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('output', 'text')
    .addColumn('latency_ms', 'real')
    .addColumn('last_result_at', t.instant)
    .addColumn('state_since', t.instant, (c) => c.notNull())
    .addColumn('next_run_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checks_client').on('checks').columns(['client_id', 'status']).execute();
  await db.schema.createIndex('checks_asset').on('checks').columns(['asset_id']).execute();
  await db.schema.createIndex('checks_due').on('checks').columns(['next_run_at']).execute();
  await db.schema.createIndex('checks_agent').on('checks').columns(['agent_id', 'kind', 'name']).execute();

  await db.schema
    .createTable('check_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('check_id', 'text', (c) => c.notNull().references('checks.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hard', 'integer', (c) => c.notNull())
    .addColumn('output', 'text')
    .execute();
  await db.schema.createIndex('check_changes_check').on('check_changes').columns(['check_id', 'at']).execute();
  await db.schema.createIndex('check_changes_asset').on('check_changes').columns(['asset_id', 'at']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('check_id', 'text', (c) => c.notNull().references('checks.id').onDelete('cascade'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('opened_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('resolved_at', t.instant)
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('acknowledged_at', t.instant)
    .addColumn('acknowledged_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('change_seq', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('alerts_one_open')
    .on('alerts')
    .column('fingerprint')
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema.createIndex('alerts_fingerprint').on('alerts').columns(['fingerprint', 'opened_at']).execute();
  await db.schema.createIndex('alerts_board').on('alerts').columns(['status', 'opened_at']).execute();
  await db.schema.createIndex('alerts_client').on('alerts').columns(['client_id', 'opened_at']).execute();
  await db.schema.createIndex('alerts_ticket').on('alerts').columns(['ticket_id']).execute();

  await db.schema
    .createTable('alert_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text')
    .execute();
  await db.schema.createIndex('alert_events_alert').on('alert_events').columns(['alert_id', 'at']).execute();

  await db.schema
    .createTable('maintenance_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', t.instant, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('rrule', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('maintenance_client').on('maintenance_windows').columns(['client_id']).execute();

  await db.schema
    .createTable('metric_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .execute();
  await db.schema
    .createIndex('metric_series_name')
    .on('metric_series')
    .columns(['asset_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('metric_samples')
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('metric_samples_series').on('metric_samples').columns(['series_id', 'at']).execute();
  await db.schema.createIndex('metric_samples_at').on('metric_samples').columns(['at']).execute();

  await db.schema
    .createTable('metric_rollups')
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('resolution', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('sum', 'double precision', (c) => c.notNull())
    .addColumn('min', 'double precision', (c) => c.notNull())
    .addColumn('max', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_rollups_pk', ['series_id', 'resolution', 'bucket'])
    .execute();

  await db.schema
    .createTable('asset_inventories')
    .addColumn('asset_id', 'text', (c) => c.primaryKey().references('assets.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('collected_at', t.instant, (c) => c.notNull())
    .addColumn('os', t.json, (c) => c.notNull())
    .addColumn('hardware', t.json, (c) => c.notNull())
    .addColumn('services', t.json, (c) => c.notNull())
    .addColumn('package_count', 'integer', (c) => c.notNull())
    .addColumn('updates_at', t.instant)
    .execute();
  await db.schema
    .createTable('asset_packages')
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('arch', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_packages_pk', ['asset_id', 'name', 'arch'])
    .execute();
  await db.schema.createIndex('asset_packages_name').on('asset_packages').columns(['name']).execute();
  await db.schema
    .createTable('asset_updates')
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('current_version', 'text')
    .addColumn('candidate_version', 'text', (c) => c.notNull())
    .addColumn('security', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_updates_pk', ['asset_id', 'name'])
    .execute();

  await db.schema
    .createTable('notification_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.references('clients.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('min_severity', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('repeat_minutes', 'integer')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_id', 'text', (c) => c.notNull().references('notification_rules.id').onDelete('cascade'))
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('repeat_no', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.instant)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('sent_at', t.instant)
    .execute();
  await db.schema
    .createIndex('notification_deliveries_once')
    .on('notification_deliveries')
    .columns(['rule_id', 'alert_id', 'change_seq', 'repeat_no'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due')
    .on('notification_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createTable('notification_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('notification_deliveries.id').onDelete('cascade'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('notification_attempts_delivery')
    .on('notification_attempts')
    .columns(['delivery_id', 'at'])
    .execute();
}
