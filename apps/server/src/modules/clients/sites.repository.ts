import type { Site } from '@vigie/contracts';
import type { Db } from '../../db/connection.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { decodeCursor, toPage } from '../../db/pagination.js';
import type { SiteRow } from '../../db/schema.js';

export function presentSite(row: SiteRow): Site {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    address: fromJson(row.address),
    phone: row.phone,
    timeZone: row.time_zone,
    accessNotes: row.access_notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findSite(db: Db, id: string): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSiteClient(db: Db, id: string): Promise<string | null> {
  return (await db.selectFrom('sites').select('client_id').where('id', '=', id).executeTakeFirst())?.client_id ?? null;
}

export async function findSiteByName(db: Db, clientId: string, name: string): Promise<SiteRow | undefined> {
  return db
    .selectFrom('sites')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Site ids of a client by lower-cased name (for imports that name sites). */
export async function siteIdsByName(db: Db, clientId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('sites').select(['id', 'name']).where('client_id', '=', clientId).execute();
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

export async function insertSite(db: Db, row: SiteRow): Promise<void> {
  await db
    .insertInto('sites')
    .values({ ...row, address: toJson(row.address) })
    .execute();
}

export async function updateSite(db: Db, row: SiteRow): Promise<void> {
  const { id, created_at, client_id, ...changes } = row;
  await db
    .updateTable('sites')
    .set({ ...changes, address: toJson(changes.address) })
    .where('id', '=', id)
    .execute();
}

export async function deleteSite(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sites').where('id', '=', id).execute();
}

/** Assets and contacts still placed at a site. */
export async function siteUsage(db: Db, id: string): Promise<{ assets: number; contacts: number }> {
  const [assets, contacts] = await Promise.all(
    (['assets', 'contacts'] as const).map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('site_id', '=', id)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }),
  );
  return { assets: assets ?? 0, contacts: contacts ?? 0 };
}

export async function listSites(db: Db, clientId: string, query: { cursor?: string | undefined; limit: number }) {
  const cursor = decodeCursor(query.cursor);
  let q = db
    .selectFrom('sites')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit + 1);
  if (cursor) {
    const after = String(cursor.after);
    q = q.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after, cursor.id)));
  }
  return toPage(await q.execute(), query.limit, presentSite, (r) => ({ after: r.name, id: r.id }));
}
