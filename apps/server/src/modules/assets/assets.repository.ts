import type { Asset, AssetListQuery } from '@vigie/contracts';
import { type AssetType, assetCategory } from '@vigie/domain';
import type { ClientScope } from '../../core/actor.js';
import type { Db } from '../../db/connection.js';
import { containsInsensitive, dialectOf, fromJson, toJson } from '../../db/dialect.js';
import { decodeCursor, nonEmpty, toPage } from '../../db/pagination.js';
import type { AssetRow } from '../../db/schema.js';

type AssetWithNames = AssetRow & { client_name: string; site_name: string | null };

export function presentAsset(row: AssetWithNames): Asset {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    siteId: row.site_id,
    siteName: row.site_name,
    name: row.name,
    type: row.type as AssetType,
    category: assetCategory(row.type as AssetType),
    criticality: row.criticality as Asset['criticality'],
    status: row.status as Asset['status'],
    ownerContactId: row.owner_contact_id,
    vendorId: row.vendor_id,
    vendorContractRef: row.vendor_contract_ref,
    attributes: fromJson(row.attributes),
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectAssets(db: Db) {
  return db
    .selectFrom('assets')
    .innerJoin('clients', 'clients.id', 'assets.client_id')
    .leftJoin('sites', 'sites.id', 'assets.site_id')
    .selectAll('assets')
    .select(['clients.name as client_name', 'sites.name as site_name']);
}

export async function findAsset(db: Db, id: string): Promise<AssetWithNames | undefined> {
  return selectAssets(db).where('assets.id', '=', id).executeTakeFirst();
}

/** Names already used at a client, lower-cased (imports refuse duplicates before writing). */
export async function assetNamesOf(db: Db, clientId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('assets').select('name').where('client_id', '=', clientId).execute();
  return new Set(rows.map((r) => r.name.toLowerCase()));
}

export async function insertAssets(db: Db, rows: AssetRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('assets')
      .values(rows.slice(i, i + 200).map((r) => ({ ...r, attributes: toJson(r.attributes) })))
      .execute();
  }
}

export async function updateAsset(db: Db, row: AssetRow): Promise<void> {
  const { id, created_at, client_id, ...changes } = row;
  await db
    .updateTable('assets')
    .set({ ...changes, attributes: toJson(changes.attributes) })
    .where('id', '=', id)
    .execute();
}

export async function deleteAsset(db: Db, id: string): Promise<void> {
  await db
    .deleteFrom('asset_relations')
    .where((eb) => eb.or([eb('source_id', '=', id), eb('target_id', '=', id)]))
    .execute();
  await db.deleteFrom('assets').where('id', '=', id).execute();
}

/** Keyset-paginated by (name, id); filters use the (client, type, name) and (type, name) indexes. */
export async function listAssets(db: Db, scope: ClientScope, query: AssetListQuery) {
  const cursor = decodeCursor(query.cursor);
  let q = selectAssets(db)
    .orderBy('assets.name')
    .orderBy('assets.id')
    .limit(query.limit + 1);
  if (scope !== 'all') q = q.where('assets.client_id', 'in', nonEmpty(scope));
  if (query.clientId) q = q.where('assets.client_id', '=', query.clientId);
  if (query.siteId) q = q.where('assets.site_id', '=', query.siteId);
  if (query.type) q = q.where('assets.type', '=', query.type);
  if (query.criticality) q = q.where('assets.criticality', '=', query.criticality);
  if (query.status) q = q.where('assets.status', '=', query.status);
  if (query.q) {
    const term = query.q;
    q = q.where((eb) => containsInsensitive(dialectOf(db), eb.ref('assets.name'), term));
  }
  if (cursor) {
    const after = String(cursor.after);
    q = q.where((eb) => eb(eb.refTuple('assets.name', 'assets.id'), '>', eb.tuple(after, cursor.id)));
  }
  return toPage(await q.execute(), query.limit, presentAsset, (r) => ({ after: r.name, id: r.id }));
}
