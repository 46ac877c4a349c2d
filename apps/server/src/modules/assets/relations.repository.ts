import type { AssetRelation } from '@vigie/contracts';
import type { AssetRelationEdge, AssetType, RelationKind } from '@vigie/domain';
import type { Db } from '../../db/connection.js';
import type { AssetRelationRow } from '../../db/schema.js';

export interface AssetSummaryRow {
  id: string;
  name: string;
  type: string;
  criticality: number;
}

export const presentSummary = (row: AssetSummaryRow) => ({
  id: row.id,
  name: row.name,
  type: row.type as AssetType,
  criticality: row.criticality as 1 | 2 | 3 | 4,
});

export async function findRelation(db: Db, id: string): Promise<AssetRelationRow | undefined> {
  return db.selectFrom('asset_relations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEdge(db: Db, edge: AssetRelationEdge): Promise<AssetRelationRow | undefined> {
  return db
    .selectFrom('asset_relations')
    .selectAll()
    .where('source_id', '=', edge.sourceId)
    .where('kind', '=', edge.kind)
    .where('target_id', '=', edge.targetId)
    .executeTakeFirst();
}

export async function insertRelation(db: Db, row: AssetRelationRow): Promise<void> {
  await db.insertInto('asset_relations').values(row).execute();
}

export async function deleteRelation(db: Db, id: string): Promise<void> {
  await db.deleteFrom('asset_relations').where('id', '=', id).execute();
}

/** All edges of one client: the impact walk runs over them in memory (a client has thousands at most). */
export async function edgesOfClient(db: Db, clientId: string): Promise<AssetRelationEdge[]> {
  const rows = await db
    .selectFrom('asset_relations')
    .select(['source_id', 'kind', 'target_id'])
    .where('client_id', '=', clientId)
    .execute();
  return rows.map((r) => ({ sourceId: r.source_id, kind: r.kind as RelationKind, targetId: r.target_id }));
}

export async function summariesOf(db: Db, ids: readonly string[]): Promise<Map<string, AssetSummaryRow>> {
  const result = new Map<string, AssetSummaryRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('assets')
      .select(['id', 'name', 'type', 'criticality'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) result.set(row.id, row);
  }
  return result;
}

/** Relations where the asset is either end, with both ends named. */
export async function relationsOfAsset(db: Db, assetId: string): Promise<AssetRelation[]> {
  const rows = await db
    .selectFrom('asset_relations as r')
    .innerJoin('assets as s', 's.id', 'r.source_id')
    .innerJoin('assets as t', 't.id', 'r.target_id')
    .select([
      'r.id',
      'r.client_id',
      'r.kind',
      'r.created_at',
      's.id as s_id',
      's.name as s_name',
      's.type as s_type',
      's.criticality as s_crit',
      't.id as t_id',
      't.name as t_name',
      't.type as t_type',
      't.criticality as t_crit',
    ])
    .where((eb) => eb.or([eb('r.source_id', '=', assetId), eb('r.target_id', '=', assetId)]))
    .orderBy('r.kind')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    kind: r.kind as RelationKind,
    source: presentSummary({ id: r.s_id, name: r.s_name, type: r.s_type, criticality: r.s_crit }),
    target: presentSummary({ id: r.t_id, name: r.t_name, type: r.t_type, criticality: r.t_crit }),
    createdAt: r.created_at,
  }));
}
