/**
 * The SQL of the notification outbox: deliveries queued at each alert change (unique per rule, alert, change and
 * repeat, so replays and racing processes never double one), claimed under a lease, and each try logged.
 */
import { CompiledQuery, sql } from 'kysely';
import type { ClientScope } from '../../../core/actor.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import { type DialectName, dialectOf } from '../../../db/dialect.js';
import { leaseDue } from '../../../db/lease.js';
import { decodeCursor, instantAfter, nonEmpty, toPage } from '../../../db/pagination.js';
import type { NotificationDeliveryRow } from '../../../db/schema-monitoring.js';

/** Rows per insert statement: 13 parameters each stays far below both databases' limits. */
const INSERT_CHUNK = 1000;
const COLUMNS = [
  'id',
  'rule_id',
  'alert_id',
  'client_id',
  'change_seq',
  'repeat_no',
  'event',
  'status',
  'attempts',
  'next_attempt_at',
  'last_error',
  'created_at',
  'sent_at',
] as const satisfies readonly (keyof NotificationDeliveryRow)[];

/** The statement text per dialect and row count: queueing runs at every alert change, compiling it each time cost more than running it. */
const insertTexts = new Map<string, string>();

function insertText(dialect: DialectName, rows: number): string {
  const key = `${dialect}/${rows}`;
  let text = insertTexts.get(key);
  if (!text) {
    let n = 0;
    const mark = () => (dialect === 'postgres' ? `$${++n}` : '?');
    const tuples = Array.from({ length: rows }, () => `(${COLUMNS.map(mark).join(', ')})`).join(', ');
    text = `insert into notification_deliveries (${COLUMNS.join(', ')}) values ${tuples} on conflict (rule_id, alert_id, change_seq, repeat_no) do nothing`;
    if (insertTexts.size < 64) insertTexts.set(key, text);
  }
  return text;
}

/** Inserts deliveries, a thousand per statement; those already there (same rule, alert, change, repeat) are skipped. */
export async function insertDeliveries(db: Db, rows: readonly NotificationDeliveryRow[]): Promise<number> {
  const dialect = dialectOf(db);
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const result = await db.executeQuery(
      CompiledQuery.raw(
        insertText(dialect, chunk.length),
        chunk.flatMap((row) => COLUMNS.map((c) => row[c])),
      ),
    );
    inserted += Number(result.numAffectedRows ?? 0);
  }
  return inserted;
}

/** The rules that announced these alerts' opening (or a severity change): they announce their end. */
export async function rulesThatAnnounced(db: Db, alertIds: readonly string[]) {
  return db
    .selectFrom('notification_deliveries')
    .select(['alert_id', 'rule_id'])
    .distinct()
    .where('alert_id', 'in', alertIds)
    .where('event', 'in', ['opened', 'severity'])
    .execute();
}

/** A due delivery with what its message needs: the rule, the alert and the names around it. */
export interface ClaimedDelivery {
  id: string;
  rule_id: string;
  alert_id: string;
  client_id: string;
  event: string;
  repeat_no: number;
  attempts: number;
  rule_name: string;
  rule_enabled: number;
  channel: string;
  target: string;
  format: string;
  team_id: string | null;
  alert_number: number;
  alert_kind: string;
  alert_status: string;
  severity: string;
  summary: string;
  opened_at: string;
  resolved_at: string | null;
  asset_id: string;
  asset_name: string;
  client_name: string;
  client_locale: string;
  client_time_zone: string;
  check_id: string;
  check_name: string;
  check_kind: string;
  ticket_id: string | null;
  ticket_number: number | null;
}

/** Takes up to `limit` pending deliveries due now under a lease (see `leaseDue`), with what their message needs. */
export async function claimDueDeliveries(
  db: Db,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<ClaimedDelivery[]> {
  return db.transaction().execute(async (trx) => {
    const ids = await leaseDue(trx, 'notification_deliveries', 'pending', now, leaseUntil, limit);
    if (ids.length === 0) return [];
    return trx
      .selectFrom('notification_deliveries as d')
      .innerJoin('notification_rules as r', 'r.id', 'd.rule_id')
      .innerJoin('alerts as a', 'a.id', 'd.alert_id')
      .innerJoin('assets', 'assets.id', 'a.asset_id')
      .innerJoin('clients', 'clients.id', 'a.client_id')
      .innerJoin('checks', 'checks.id', 'a.check_id')
      .leftJoin('tickets', 'tickets.id', 'a.ticket_id')
      .select([
        'd.id',
        'd.rule_id',
        'd.alert_id',
        'd.client_id',
        'd.event',
        'd.repeat_no',
        'd.attempts',
        'r.name as rule_name',
        'r.enabled as rule_enabled',
        'r.channel',
        'r.target',
        'r.format',
        'r.team_id',
        'a.number as alert_number',
        'a.kind as alert_kind',
        'a.status as alert_status',
        'a.severity',
        'a.summary',
        'a.opened_at',
        'a.resolved_at',
        'a.asset_id',
        'assets.name as asset_name',
        'clients.name as client_name',
        'clients.locale as client_locale',
        'clients.time_zone as client_time_zone',
        'a.check_id',
        'checks.name as check_name',
        'checks.kind as check_kind',
        'a.ticket_id',
        'tickets.number as ticket_number',
      ])
      .where('d.id', 'in', ids)
      .orderBy('d.created_at')
      .orderBy('d.id')
      .execute();
  });
}

export interface DeliveryTry {
  outcome: 'sent' | 'deferred' | 'failed';
  detail: string;
  at: string;
  /** When to try again (deferred only). */
  nextAttemptAt: string | null;
}

/**
 * Logs one try and moves the delivery where it leads, in the caller's transaction — only if the delivery is still
 * pending at `tries - 1` tries: a process whose lease ran out does not log over the one that took it next.
 */
export async function recordDeliveryTry(db: Db, deliveryId: string, tries: number, result: DeliveryTry) {
  const updated = await db
    .updateTable('notification_deliveries')
    .set({
      status: result.outcome === 'deferred' ? 'pending' : result.outcome,
      attempts: tries,
      next_attempt_at: result.nextAttemptAt,
      last_error: result.outcome === 'sent' ? null : result.detail.slice(0, 1000),
      sent_at: result.outcome === 'sent' ? result.at : null,
    })
    .where('id', '=', deliveryId)
    .where('status', '=', 'pending')
    .where('attempts', '=', tries - 1)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await db
    .insertInto('notification_attempts')
    .values({
      id: newId(),
      delivery_id: deliveryId,
      at: result.at,
      outcome: result.outcome,
      detail: result.detail.slice(0, 1000),
    })
    .execute();
  return true;
}

export type LoggedDelivery = NotificationDeliveryRow & { rule_name: string; channel: string; alert_number: number };

function selectLogged(db: Db) {
  return db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notification_rules as r', 'r.id', 'd.rule_id')
    .innerJoin('alerts as a', 'a.id', 'd.alert_id')
    .selectAll('d')
    .select(['r.name as rule_name', 'r.channel', 'a.number as alert_number']);
}

/** The delivery log, newest first, within the actor's clients. */
export async function listDeliveries(
  db: Db,
  scope: ClientScope,
  query: { status?: string | undefined; alertId?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const cursor = decodeCursor(query.cursor);
  let q = selectLogged(db)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(query.limit + 1);
  if (scope !== 'all') q = q.where('d.client_id', 'in', nonEmpty(scope));
  if (query.status) q = q.where('d.status', '=', query.status);
  if (query.alertId) q = q.where('d.alert_id', '=', query.alertId);
  if (cursor) {
    const after = instantAfter(cursor);
    q = q.where((eb) =>
      eb.or([eb('d.created_at', '<', after), eb.and([eb('d.created_at', '=', after), eb('d.id', '<', cursor.id)])]),
    );
  }
  const rows = await q.execute();
  return {
    rows: rows.slice(0, query.limit),
    page: <Item>(present: (row: LoggedDelivery) => Item) =>
      toPage(rows, query.limit, present, (row) => ({ after: new Date(row.created_at).toISOString(), id: row.id })),
  };
}

export async function findDelivery(db: Db, id: string): Promise<LoggedDelivery | undefined> {
  return selectLogged(db).where('d.id', '=', id).executeTakeFirst();
}

/** Every try of these deliveries, oldest first. */
export async function attemptsOfDeliveries(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('notification_attempts')
    .selectAll()
    .where('delivery_id', 'in', ids)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** A failed delivery goes back to the queue with a fresh set of tries (its log keeps the old ones). */
export async function requeueDelivery(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('notification_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deliveries still to send (queued, or waiting for their next try): a gauge for Prometheus. */
export async function countPendingDeliveries(db: Db): Promise<number> {
  const row = await db
    .selectFrom('notification_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** An open, unacknowledged alert a repeating rule announced, whose last message of that rule is old enough. */
export interface RepeatDue {
  alert_id: string;
  client_id: string;
  change_seq: number;
  severity: string;
  /** The highest repeat number of this rule for the alert's current change (-1: none yet). */
  last_repeat: number;
}

/**
 * For one repeating rule: the alerts still open and unacknowledged whose latest delivery of the rule was created at
 * or before `cutoff`.
 */
export async function repeatsDue(db: Db, ruleId: string, cutoff: string, limit: number): Promise<RepeatDue[]> {
  return db
    .selectFrom('notification_deliveries as d')
    .innerJoin('alerts as a', 'a.id', 'd.alert_id')
    .select([
      'd.alert_id',
      'a.client_id',
      'a.change_seq',
      'a.severity',
      sql<number>`max(case when d.change_seq = a.change_seq then d.repeat_no else -1 end)`.as('last_repeat'),
    ])
    .where('d.rule_id', '=', ruleId)
    .where('a.status', '=', 'open')
    .where('a.acknowledged_at', 'is', null)
    .groupBy(['d.alert_id', 'a.client_id', 'a.change_seq', 'a.severity'])
    .having((eb) => eb.fn.max('d.created_at'), '<=', cutoff)
    .limit(limit)
    .execute();
}

/** The rules that repeat, enabled ones only. */
export async function repeatingRules(db: Db) {
  return db
    .selectFrom('notification_rules')
    .select(['id', 'min_severity', 'repeat_minutes'])
    .where('enabled', '=', 1)
    .where('repeat_minutes', 'is not', null)
    .execute();
}
