import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import { dialectOf } from '../../../db/dialect.js';
import { type Cursor, nonEmpty } from '../../../db/pagination.js';
import type { CheckRow } from '../../../db/schema-monitoring.js';

/** SQL of checks: configuration, current state, and what the scheduler and the engine read in bulk. */
export async function insertCheck(db: Db, row: CheckRow): Promise<void> {
  await db.insertInto('checks').values(row).execute();
}

export async function updateCheckRow(db: Db, id: string, patch: Partial<CheckRow>): Promise<void> {
  await db.updateTable('checks').set(patch).where('id', '=', id).execute();
}

export async function deleteCheckRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('checks').where('id', '=', id).execute();
}

function withNames(db: Db) {
  return db
    .selectFrom('checks as k')
    .innerJoin('clients as c', 'c.id', 'k.client_id')
    .innerJoin('assets as a', 'a.id', 'k.asset_id')
    .selectAll('k')
    .select(['c.name as client_name', 'a.name as asset_name', 'a.site_id as site_id']);
}
export type CheckWithNames = CheckRow & { client_name: string; asset_name: string; site_id: string | null };

export function findCheckWithNames(db: Db, id: string): Promise<CheckWithNames | undefined> {
  return withNames(db).where('k.id', '=', id).executeTakeFirst();
}

export interface CheckFilter {
  scope: 'all' | readonly string[];
  clientId?: string | undefined;
  assetId?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
}

/** Worst first (critical, unknown, warning, pending, ok), then by name; keyset on (rank, name, id). */
export function listCheckRows(db: Db, filter: CheckFilter, cursor: Cursor | null, limit: number) {
  const rank = sql<number>`case k.status when 'critical' then 0 when 'unknown' then 1 when 'warning' then 2 when 'pending' then 3 else 4 end`;
  let query = withNames(db).select(rank.as('rank'));
  if (filter.scope !== 'all') query = query.where('k.client_id', 'in', nonEmpty(filter.scope));
  if (filter.clientId) query = query.where('k.client_id', '=', filter.clientId);
  if (filter.assetId) query = query.where('k.asset_id', '=', filter.assetId);
  if (filter.kind) query = query.where('k.kind', '=', filter.kind);
  if (filter.status === 'problem') query = query.where('k.status', 'in', ['warning', 'critical', 'unknown']);
  else if (filter.status) query = query.where('k.status', '=', filter.status);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['k.name']), 'like', like), eb(eb.fn('lower', ['a.name']), 'like', like)]),
    );
  }
  if (cursor) {
    const [r, name] = String(cursor.after).split('|');
    const after = Number(r);
    query = query.where((eb) =>
      eb.or([
        eb(rank, '>', after),
        eb.and([eb(rank, '=', after), eb('k.name', '>', name ?? '')]),
        eb.and([eb(rank, '=', after), eb('k.name', '=', name ?? ''), eb('k.id', '>', cursor.id)]),
      ]),
    );
  }
  return query
    .orderBy(rank)
    .orderBy('k.name')
    .orderBy('k.id')
    .limit(limit + 1)
    .execute();
}

/** The checks an agent runs (plugins) or reports (services): its configuration. */
export function agentCheckRows(db: Db, assetId: string) {
  return db
    .selectFrom('checks')
    .select(['id', 'kind', 'name', 'config', 'interval_seconds', 'timeout_ms'])
    .where('asset_id', '=', assetId)
    .where('kind', 'in', ['plugin', 'service'])
    .where('enabled', '=', 1)
    .execute();
}

/** What the engine needs of the checks a batch of results touches, with their asset, in one query. */
export function checksForResults(db: Db, ids: readonly string[]) {
  return db
    .selectFrom('checks as k')
    .innerJoin('assets as a', 'a.id', 'k.asset_id')
    .selectAll('k')
    .select(['a.name as asset_name', 'a.site_id as site_id', 'a.criticality as criticality'])
    .where('k.id', 'in', nonEmpty(ids))
    .execute();
}
export type EngineCheckRow = Awaited<ReturnType<typeof checksForResults>>[number];

/** The plugin checks of an asset: the only check ids its agent may report results for. */
export async function pluginCheckIdsOfAsset(db: Db, assetId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('checks')
    .select('id')
    .where('asset_id', '=', assetId)
    .where('kind', '=', 'plugin')
    .execute();
  return rows.map((row) => row.id);
}

/** The service checks of an asset, by unit name: the agent's service report updates them. */
export function serviceChecksOfAsset(db: Db, assetId: string) {
  return db
    .selectFrom('checks')
    .select(['id', 'config'])
    .where('asset_id', '=', assetId)
    .where('kind', '=', 'service')
    .where('enabled', '=', 1)
    .execute();
}

export function heartbeatCheckOfAsset(db: Db, assetId: string) {
  return db
    .selectFrom('checks')
    .select(['id', 'status', 'enabled'])
    .where('asset_id', '=', assetId)
    .where('kind', '=', 'heartbeat')
    .executeTakeFirst();
}

/** Host checks of these assets (ping, heartbeat): whether each asset is up. */
export function hostChecksOf(db: Db, assetIds: readonly string[]) {
  return db
    .selectFrom('checks')
    .select(['asset_id', 'status'])
    .where('asset_id', 'in', nonEmpty(assetIds))
    .where('host_check', '=', 1)
    .where('enabled', '=', 1)
    .execute();
}

/** `connected_to` parents of these assets (the asset is the relation's source, its parent the target). */
export function parentsOf(db: Db, assetIds: readonly string[]) {
  return db
    .selectFrom('asset_relations')
    .select(['source_id', 'target_id'])
    .where('kind', '=', 'connected_to')
    .where('source_id', 'in', nonEmpty(assetIds))
    .execute();
}

/** Checks whose asset has this parent, in a problem marked unreachable: they follow the parent's recovery. */
export function unreachableChildrenChecks(db: Db, parentIds: readonly string[]) {
  return db
    .selectFrom('checks as k')
    .innerJoin('asset_relations as r', 'r.source_id', 'k.asset_id')
    .select(['k.id'])
    .where('r.kind', '=', 'connected_to')
    .where('r.target_id', 'in', nonEmpty(parentIds))
    .where('k.reachability', '=', 'unreachable')
    .execute();
}

/**
 * Claims the server checks due now and moves each one's next run forward, so that no other process runs them in
 * this interval (PostgreSQL: SKIP LOCKED; SQLite has one writer).
 */
export async function claimDueChecks(db: Db, kinds: readonly string[], now: Date, limit: number) {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('checks as k')
      .selectAll('k')
      .where('k.enabled', '=', 1)
      .where('k.kind', 'in', kinds)
      .where('k.next_run_at', '<=', at)
      .orderBy('k.next_run_at')
      .limit(limit);
    if (dialectOf(trx) === 'postgres') query = query.forUpdate().skipLocked();
    const rows = await query.execute();
    for (const row of rows) {
      // The next run keeps its phase (spread over the interval) and never falls behind now.
      const previous = new Date(row.next_run_at ?? at).getTime();
      const step = row.interval_seconds * 1000;
      let next = previous + step;
      if (next <= now.getTime()) next = now.getTime() + step - ((now.getTime() - previous) % step);
      await trx
        .updateTable('checks')
        .set({ next_run_at: new Date(next).toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
    return rows;
  });
}

/** Every enabled heartbeat check with its agent's last contact: the offline pass compares it to the allowed silence. */
export function heartbeatChecks(db: Db) {
  return db
    .selectFrom('checks as k')
    .innerJoin('agents as g', 'g.asset_id', 'k.asset_id')
    .select(['k.id', 'k.config', 'k.status', 'g.last_seen_at', 'g.enrolled_at'])
    .where('k.kind', '=', 'heartbeat')
    .where('k.enabled', '=', 1)
    .where('g.status', '=', 'active')
    .execute();
}

/** Counts for the board's summary tiles, in the caller's scope. */
export function checkStatusCounts(db: Db, scope: 'all' | readonly string[]) {
  let query = db
    .selectFrom('checks')
    .select(['status', 'reachability', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enabled', '=', 1)
    .groupBy(['status', 'reachability']);
  if (scope !== 'all') query = query.where('client_id', 'in', nonEmpty(scope));
  return query.execute();
}
