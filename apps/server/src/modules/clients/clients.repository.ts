import type { Client } from '@vigie/contracts';
import type { ClientScope } from '../../core/actor.js';
import type { Db } from '../../db/connection.js';
import { containsInsensitive, dialectOf, fromJson, toJson } from '../../db/dialect.js';
import { decodeCursor, nonEmpty, toPage } from '../../db/pagination.js';
import type { ClientRow } from '../../db/schema.js';

export type ClientRecord = ClientRow & { mail_domains: string[] };

export function presentClient(row: ClientRecord): Client {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    legalName: row.legal_name,
    timeZone: row.time_zone,
    locale: row.locale as Client['locale'],
    phone: row.phone,
    email: row.email,
    website: row.website,
    address: fromJson(row.address),
    mailDomains: row.mail_domains,
    notes: row.notes,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function withDomains(db: Db, rows: ClientRow[]): Promise<ClientRecord[]> {
  if (rows.length === 0) return [];
  const domains = await db
    .selectFrom('client_mail_domains')
    .selectAll()
    .where(
      'client_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('domain')
    .execute();
  return rows.map((r) => ({ ...r, mail_domains: domains.filter((d) => d.client_id === r.id).map((d) => d.domain) }));
}

export async function findClient(db: Db, id: string): Promise<ClientRecord | undefined> {
  const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withDomains(db, [row]))[0] : undefined;
}

export async function clientExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('clients').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function findClientIdByCode(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('clients').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

/** Which client already uses each of these mail domains (to refuse a domain claimed twice). */
export async function mailDomainOwners(db: Db, domains: readonly string[]): Promise<Map<string, string>> {
  if (domains.length === 0) return new Map();
  const rows = await db.selectFrom('client_mail_domains').selectAll().where('domain', 'in', domains).execute();
  return new Map(rows.map((r) => [r.domain, r.client_id]));
}

export async function insertClient(db: Db, row: ClientRecord): Promise<void> {
  const { mail_domains, ...client } = row;
  await db
    .insertInto('clients')
    .values({ ...client, address: toJson(client.address) })
    .execute();
  await replaceMailDomains(db, row.id, mail_domains);
}

export async function updateClient(db: Db, row: ClientRecord): Promise<void> {
  const { mail_domains, id, created_at, ...changes } = row;
  await db
    .updateTable('clients')
    .set({ ...changes, address: toJson(changes.address) })
    .where('id', '=', id)
    .execute();
  await replaceMailDomains(db, id, mail_domains);
}

async function replaceMailDomains(db: Db, clientId: string, domains: readonly string[]): Promise<void> {
  await db.deleteFrom('client_mail_domains').where('client_id', '=', clientId).execute();
  if (domains.length > 0) {
    await db
      .insertInto('client_mail_domains')
      .values(domains.map((domain) => ({ domain, client_id: clientId })))
      .execute();
  }
}

export async function deleteClient(db: Db, id: string): Promise<void> {
  await db.deleteFrom('client_mail_domains').where('client_id', '=', id).execute();
  await db.deleteFrom('team_clients').where('client_id', '=', id).execute();
  await db.deleteFrom('clients').where('id', '=', id).execute();
}

/** What still hangs on a client, by kind, so a refused delete can say what to remove first. */
export async function clientDependents(db: Db, id: string): Promise<Record<string, number>> {
  const count = async (table: 'sites' | 'contacts' | 'contracts' | 'assets' | 'users') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('client_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const entries = await Promise.all(
    (['sites', 'contacts', 'contracts', 'assets', 'users'] as const).map(async (t) => [t, await count(t)] as const),
  );
  return Object.fromEntries(entries.filter(([, n]) => n > 0));
}

export async function listClients(
  db: Db,
  scope: ClientScope,
  query: { cursor?: string | undefined; limit: number; q?: string | undefined; active?: 'true' | 'false' | undefined },
) {
  const cursor = decodeCursor(query.cursor);
  let q = db
    .selectFrom('clients')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit + 1);
  if (scope !== 'all') q = q.where('id', 'in', nonEmpty(scope));
  if (query.active) q = q.where('active', '=', query.active === 'true' ? 1 : 0);
  if (query.q) {
    const d = dialectOf(db);
    const term = query.q;
    q = q.where((eb) =>
      eb.or([
        containsInsensitive(d, eb.ref('name'), term),
        containsInsensitive(d, eb.ref('code'), term),
        containsInsensitive(d, eb.ref('legal_name'), term),
      ]),
    );
  }
  if (cursor) {
    const after = String(cursor.after);
    q = q.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after, cursor.id)));
  }
  const rows = await withDomains(db, await q.execute());
  return toPage(rows, query.limit, presentClient, (r) => ({ after: r.name, id: r.id }));
}
