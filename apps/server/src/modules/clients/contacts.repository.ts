import type { Contact } from '@vigie/contracts';
import type { Db } from '../../db/connection.js';
import { containsInsensitive, dialectOf } from '../../db/dialect.js';
import { decodeCursor, toPage } from '../../db/pagination.js';
import type { ContactRow } from '../../db/schema.js';

export function presentContact(row: ContactRow): Contact {
  return {
    id: row.id,
    clientId: row.client_id,
    siteId: row.site_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    jobTitle: row.job_title,
    locale: row.locale as Contact['locale'],
    isPrimary: row.is_primary === 1,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findContact(db: Db, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findContactClient(db: Db, id: string): Promise<string | null> {
  return (
    (await db.selectFrom('contacts').select('client_id').where('id', '=', id).executeTakeFirst())?.client_id ?? null
  );
}

/** Contact ids of a client by e-mail (imports name owners by e-mail). */
export async function contactIdsByEmail(db: Db, clientId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'email'])
    .where('client_id', '=', clientId)
    .where('email', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [String(r.email).toLowerCase(), r.id]));
}

export async function insertContacts(db: Db, rows: ContactRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('contacts')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function updateContact(db: Db, row: ContactRow): Promise<void> {
  const { id, created_at, client_id, ...changes } = row;
  await db.updateTable('contacts').set(changes).where('id', '=', id).execute();
}

/** Deleting a contact leaves the assets it owned without an owner rather than refusing. */
export async function deleteContact(db: Db, id: string): Promise<void> {
  await db.updateTable('assets').set({ owner_contact_id: null }).where('owner_contact_id', '=', id).execute();
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

export async function listContacts(
  db: Db,
  clientId: string,
  query: { cursor?: string | undefined; limit: number; q?: string | undefined },
) {
  const cursor = decodeCursor(query.cursor);
  let q = db
    .selectFrom('contacts')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('last_name')
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.q) {
    const d = dialectOf(db);
    const term = query.q;
    q = q.where((eb) =>
      eb.or([
        containsInsensitive(d, eb.ref('last_name'), term),
        containsInsensitive(d, eb.ref('first_name'), term),
        containsInsensitive(d, eb.ref('email'), term),
        containsInsensitive(d, eb.ref('phone'), term),
        containsInsensitive(d, eb.ref('mobile'), term),
      ]),
    );
  }
  if (cursor) {
    const after = String(cursor.after);
    q = q.where((eb) => eb(eb.refTuple('last_name', 'id'), '>', eb.tuple(after, cursor.id)));
  }
  return toPage(await q.execute(), query.limit, presentContact, (r) => ({ after: r.last_name, id: r.id }));
}
