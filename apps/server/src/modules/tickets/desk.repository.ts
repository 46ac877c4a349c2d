/** A person's own desk: saved queue views; and the caller lookup behind the phone log. */
import type { SavedView } from '@vigie/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { containsInsensitive, dialectOf, fromJson, toJson } from '../../db/dialect.js';
import { nonEmpty } from '../../db/pagination.js';

export async function listSavedViews(db: Db, userId: string): Promise<SavedView[]> {
  const rows = await db.selectFrom('saved_views').selectAll().where('user_id', '=', userId).orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    query: fromJson<Record<string, string>>(r.query),
    createdAt: r.created_at,
  }));
}

export async function upsertSavedView(
  db: Db,
  row: { id: string; user_id: string; name: string; query: Record<string, string>; created_at: string },
): Promise<void> {
  await db
    .insertInto('saved_views')
    .values({ ...row, query: toJson(row.query) })
    .onConflict((oc) => oc.columns(['user_id', 'name']).doUpdateSet({ query: toJson(row.query) }))
    .execute();
}

export async function deleteSavedView(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('saved_views')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Digits of a phone number as stored, in SQL: spaces, dots, dashes, slashes, brackets and + removed. */
function digitsOf(column: string) {
  return sql<string>`replace(replace(replace(replace(replace(replace(replace(coalesce(${sql.ref(column)}, ''), ' ', ''), '.', ''), '-', ''), '/', ''), '(', ''), ')', ''), '+', '')`;
}

/**
 * The significant digits of a typed number: without the trunk 0 or the country code, so that 06 12 34 56 78,
 * 0612, +33 6 12 and 33612… all look for "612…" inside stored numbers however they were written.
 */
export function phoneCore(term: string): string | null {
  let digits = term.replace(/\D/g, '');
  if (term.trim().startsWith('+') || digits.startsWith('00')) digits = digits.replace(/^00/, '').slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  return digits.length >= 3 ? digits : null;
}

/** Contacts matching a caller: by name, e-mail, or phone number (any run of its digits), within the clients in reach. */
export async function findCallers(db: Db, clientIds: 'all' | readonly string[], term: string, limit: number) {
  const dialect = dialectOf(db);
  const digits = phoneCore(term);
  let q = db
    .selectFrom('contacts')
    .innerJoin('clients', 'clients.id', 'contacts.client_id')
    .select([
      'contacts.id',
      'contacts.client_id',
      'contacts.first_name',
      'contacts.last_name',
      'contacts.email',
      'contacts.phone',
      'contacts.mobile',
      'clients.code as client_code',
      'clients.name as client_name',
    ])
    .where('clients.active', '=', 1)
    .where((eb) => {
      const ors = [
        containsInsensitive(dialect, eb.ref('contacts.last_name'), term),
        containsInsensitive(dialect, eb.ref('contacts.first_name'), term),
        containsInsensitive(
          dialect,
          sql<string>`${sql.ref('contacts.first_name')} || ' ' || ${sql.ref('contacts.last_name')}`,
          term,
        ),
        containsInsensitive(dialect, eb.ref('contacts.email'), term),
      ];
      if (digits) {
        const inside = `%${digits}%`;
        ors.push(sql`${digitsOf('contacts.phone')} like ${inside}`, sql`${digitsOf('contacts.mobile')} like ${inside}`);
      }
      return eb.or(ors);
    })
    .orderBy('contacts.last_name')
    .orderBy('contacts.id')
    .limit(limit);
  if (clientIds !== 'all') q = q.where('contacts.client_id', 'in', nonEmpty(clientIds));
  return q.execute();
}

/** Clients matching a caller by name, code or switchboard number. */
export async function findCallerClients(db: Db, clientIds: 'all' | readonly string[], term: string, limit: number) {
  const dialect = dialectOf(db);
  const digits = phoneCore(term);
  let q = db
    .selectFrom('clients')
    .select(['id', 'code', 'name'])
    .where('active', '=', 1)
    .where((eb) => {
      const ors = [
        containsInsensitive(dialect, eb.ref('name'), term),
        containsInsensitive(dialect, eb.ref('code'), term),
      ];
      if (digits) ors.push(sql`${digitsOf('phone')} like ${`%${digits}%`}`);
      return eb.or(ors);
    })
    .orderBy('name')
    .limit(limit);
  if (clientIds !== 'all') q = q.where('id', 'in', nonEmpty(clientIds));
  return q.execute();
}

export async function openTicketCounts(db: Db, clientIds: readonly string[]): Promise<Map<string, number>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tickets')
    .select(['client_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('client_id', 'in', clientIds)
    .where('is_open', '=', 1)
    .groupBy('client_id')
    .execute();
  return new Map(rows.map((r) => [r.client_id, Number(r.n)]));
}

/** Active provider staff with their teams, by name. */
export async function staffDirectory(db: Db) {
  const people = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'support_level'])
    .where('role', 'in', ['admin', 'manager', 'technician'])
    .where('active', '=', 1)
    .orderBy('name')
    .execute();
  const memberships = await db.selectFrom('team_members').select(['user_id', 'team_id']).execute();
  const teams = new Map<string, string[]>();
  for (const m of memberships) teams.set(m.user_id, [...(teams.get(m.user_id) ?? []), m.team_id]);
  return people.map((p) => ({ ...p, team_ids: teams.get(p.id) ?? [] }));
}
