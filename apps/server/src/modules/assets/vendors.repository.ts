import type { Vendor } from '@vigie/contracts';
import type { Db } from '../../db/connection.js';
import { containsInsensitive, dialectOf } from '../../db/dialect.js';
import { decodeCursor, toPage } from '../../db/pagination.js';
import type { VendorRow } from '../../db/schema.js';

export function presentVendor(row: VendorRow): Vendor {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    supportPhone: row.support_phone,
    supportEmail: row.support_email,
    supportUrl: row.support_url,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findVendor(db: Db, id: string): Promise<VendorRow | undefined> {
  return db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVendorByName(db: Db, name: string): Promise<VendorRow | undefined> {
  return db.selectFrom('vendors').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Vendor ids by lower-cased name (imports name vendors). */
export async function vendorIdsByName(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('vendors').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

export async function insertVendor(db: Db, row: VendorRow): Promise<void> {
  await db.insertInto('vendors').values(row).execute();
}

export async function updateVendor(db: Db, row: VendorRow): Promise<void> {
  const { id, created_at, ...changes } = row;
  await db.updateTable('vendors').set(changes).where('id', '=', id).execute();
}

export async function listVendors(
  db: Db,
  query: { cursor?: string | undefined; limit: number; q?: string | undefined },
) {
  const cursor = decodeCursor(query.cursor);
  let q = db
    .selectFrom('vendors')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.q) {
    const term = query.q;
    q = q.where((eb) => containsInsensitive(dialectOf(db), eb.ref('name'), term));
  }
  if (cursor) {
    const after = String(cursor.after);
    q = q.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after, cursor.id)));
  }
  return toPage(await q.execute(), query.limit, presentVendor, (r) => ({ after: r.name, id: r.id }));
}
