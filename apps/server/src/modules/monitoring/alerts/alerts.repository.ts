import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import { type Cursor, instantAfter, nonEmpty } from '../../../db/pagination.js';
import type { AlertEventRow, AlertRow } from '../../../db/schema-monitoring.js';

/** SQL of alerts and their timeline. One open alert per fingerprint is the database's own rule (partial unique index). */
export async function insertAlert(db: Db, row: AlertRow): Promise<void> {
  await db.insertInto('alerts').values(row).execute();
}

export async function updateAlertRow(db: Db, id: string, patch: Partial<AlertRow>): Promise<void> {
  await db.updateTable('alerts').set(patch).where('id', '=', id).execute();
}

export async function insertAlertEvent(db: Db, row: AlertEventRow): Promise<void> {
  await db.insertInto('alert_events').values(row).execute();
}

/** The open alert of a fingerprint, else its latest resolved one (the reopen window looks at it). */
export function latestAlert(db: Db, fingerprint: string) {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('fingerprint', '=', fingerprint)
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findAlert(db: Db, id: string) {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

function withNames(db: Db) {
  return db
    .selectFrom('alerts as l')
    .innerJoin('clients as c', 'c.id', 'l.client_id')
    .innerJoin('assets as a', 'a.id', 'l.asset_id')
    .innerJoin('checks as k', 'k.id', 'l.check_id')
    .leftJoin('tickets as t', 't.id', 'l.ticket_id')
    .leftJoin('users as u', 'u.id', 'l.acknowledged_by')
    .selectAll('l')
    .select([
      'c.name as client_name',
      'a.name as asset_name',
      'k.name as check_name',
      't.number as ticket_number',
      't.status as ticket_status',
      'u.name as acknowledged_by_name',
    ]);
}
export type AlertWithNames = Awaited<ReturnType<typeof findAlertWithNames>> & object;

export function findAlertWithNames(db: Db, id: string) {
  return withNames(db).where('l.id', '=', id).executeTakeFirst();
}

export function alertsWithNames(db: Db, ids: readonly string[]) {
  return withNames(db).where('l.id', 'in', nonEmpty(ids)).execute();
}

export interface AlertFilter {
  scope: 'all' | readonly string[];
  status: 'open' | 'resolved' | 'all';
  clientId?: string | undefined;
  assetId?: string | undefined;
  severity?: string | undefined;
  acknowledged?: 'yes' | 'no' | undefined;
  q?: string | undefined;
}

/** Newest first; keyset on (opened_at, id). Served by alerts_board / alerts_client. */
export function listAlertRows(db: Db, filter: AlertFilter, cursor: Cursor | null, limit: number) {
  let query = withNames(db);
  if (filter.scope !== 'all') query = query.where('l.client_id', 'in', nonEmpty(filter.scope));
  if (filter.status !== 'all') query = query.where('l.status', '=', filter.status);
  if (filter.clientId) query = query.where('l.client_id', '=', filter.clientId);
  if (filter.assetId) query = query.where('l.asset_id', '=', filter.assetId);
  if (filter.severity) query = query.where('l.severity', '=', filter.severity);
  if (filter.acknowledged === 'yes') query = query.where('l.acknowledged_at', 'is not', null);
  if (filter.acknowledged === 'no') query = query.where('l.acknowledged_at', 'is', null);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['l.summary']), 'like', like),
        eb(eb.fn('lower', ['a.name']), 'like', like),
        eb(eb.fn('lower', ['k.name']), 'like', like),
      ]),
    );
  }
  if (cursor) {
    const after = instantAfter(cursor);
    query = query.where((eb) =>
      eb.or([eb('l.opened_at', '<', after), eb.and([eb('l.opened_at', '=', after), eb('l.id', '<', cursor.id)])]),
    );
  }
  return query
    .orderBy('l.opened_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export function alertEvents(db: Db, alertId: string) {
  return db
    .selectFrom('alert_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .selectAll('e')
    .select('u.name as user_name')
    .where('e.alert_id', '=', alertId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** Open alerts by severity and how many nobody acknowledged, in the caller's scope. */
export function openAlertCounts(db: Db, scope: 'all' | readonly string[]) {
  let query = db
    .selectFrom('alerts')
    .select([
      'severity',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when acknowledged_at is null then 1 else 0 end)`.as('unacknowledged'),
    ])
    .where('status', '=', 'open')
    .groupBy('severity');
  if (scope !== 'all') query = query.where('client_id', 'in', nonEmpty(scope));
  return query.execute();
}

/**
 * Checks in a confirmed problem that have no open alert: suppressed by a maintenance window, by an unreachable
 * parent or by flapping. The reconcile pass looks at them again (a window ended, a parent came back), a page at a
 * time in id order, so that a storm of silenced problems is walked through rather than its first page re-read.
 */
export function problemsWithoutAlert(db: Db, limit: number, afterId: string | null) {
  let query = db
    .selectFrom('checks as k')
    .select(['k.id'])
    .where('k.enabled', '=', 1)
    .where('k.hard', '=', 1)
    .where('k.flapping', '=', 0)
    .where('k.status', 'in', ['warning', 'critical', 'unknown'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('alerts as l')
            .select('l.id')
            .whereRef('l.check_id', '=', 'k.id')
            .where('l.status', '=', 'open')
            .where('l.kind', '=', 'problem'),
        ),
      ),
    );
  if (afterId) query = query.where('k.id', '>', afterId);
  return query.orderBy('k.id').limit(limit).execute();
}
