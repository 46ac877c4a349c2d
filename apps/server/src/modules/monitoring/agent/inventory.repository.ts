import type { Db } from '../../../db/connection.js';
import { toJson } from '../../../db/dialect.js';

const CHUNK = 500;

/** The last inventory of an asset replaces the previous one: one row, and its packages in bulk. */
export async function saveInventory(
  db: Db,
  v: {
    assetId: string;
    clientId: string;
    at: string;
    os: unknown;
    hardware: unknown;
    packages: { name: string; version: string; arch: string }[];
  },
): Promise<void> {
  await db
    .insertInto('asset_inventories')
    .values({
      asset_id: v.assetId,
      client_id: v.clientId,
      collected_at: v.at,
      os: toJson(v.os),
      hardware: toJson(v.hardware),
      services: toJson([]),
      package_count: v.packages.length,
      updates_at: null,
    })
    .onConflict((oc) =>
      oc.column('asset_id').doUpdateSet({
        collected_at: v.at,
        os: toJson(v.os),
        hardware: toJson(v.hardware),
        package_count: v.packages.length,
      }),
    )
    .execute();
  await db.deleteFrom('asset_packages').where('asset_id', '=', v.assetId).execute();
  const unique = new Map(v.packages.map((p) => [`${p.name}\u0000${p.arch}`, p]));
  const rows = [...unique.values()].map((p) => ({
    asset_id: v.assetId,
    name: p.name,
    version: p.version,
    arch: p.arch,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('asset_packages')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Pending updates replace the previous list; `updates_at` says when it was true. */
export async function saveUpdates(
  db: Db,
  v: {
    assetId: string;
    clientId: string;
    at: string;
    updates: { name: string; currentVersion: string | null; candidateVersion: string; security: boolean }[];
  },
): Promise<void> {
  await db.deleteFrom('asset_updates').where('asset_id', '=', v.assetId).execute();
  const unique = new Map(v.updates.map((u) => [u.name, u]));
  const rows = [...unique.values()].map((u) => ({
    asset_id: v.assetId,
    name: u.name,
    current_version: u.currentVersion,
    candidate_version: u.candidateVersion,
    security: u.security ? 1 : 0,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('asset_updates')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
  await db.updateTable('asset_inventories').set({ updates_at: v.at }).where('asset_id', '=', v.assetId).execute();
}

/** Failed units (and the watched ones) as last reported, shown on the asset page. */
export async function saveServices(db: Db, assetId: string, units: { name: string; active: string; sub: string }[]) {
  await db
    .updateTable('asset_inventories')
    .set({ services: toJson(units) })
    .where('asset_id', '=', assetId)
    .execute();
}

export function inventoryOf(db: Db, assetId: string) {
  return db.selectFrom('asset_inventories').selectAll().where('asset_id', '=', assetId).executeTakeFirst();
}

export async function updateCounts(db: Db, assetId: string): Promise<{ total: number; security: number }> {
  const row = await db
    .selectFrom('asset_updates')
    .select([(eb) => eb.fn.countAll<number>().as('total'), (eb) => eb.fn.sum<number>('security').as('security')])
    .where('asset_id', '=', assetId)
    .executeTakeFirst();
  return { total: Number(row?.total ?? 0), security: Number(row?.security ?? 0) };
}
