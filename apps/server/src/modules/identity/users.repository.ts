import type { User } from '@vigie/contracts';
import type { Db } from '../../db/connection.js';
import { containsInsensitive, dialectOf, fromJson, toJson } from '../../db/dialect.js';
import { decodeCursor, toPage } from '../../db/pagination.js';
import type { UserRow } from '../../db/schema.js';

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as User['role'],
    clientId: row.client_id,
    supportLevel: row.support_level as User['supportLevel'],
    specialties: fromJson<string[]>(row.specialties),
    locale: row.locale as User['locale'],
    active: row.active === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db
    .insertInto('users')
    .values({ ...row, specialties: toJson(row.specialties) })
    .execute();
}

export async function updateUser(db: Db, id: string, changes: Partial<UserRow>): Promise<void> {
  const values = changes.specialties === undefined ? changes : { ...changes, specialties: toJson(changes.specialties) };
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUsers(
  db: Db,
  query: {
    cursor?: string | undefined;
    limit: number;
    q?: string | undefined;
    role?: string | undefined;
    clientId?: string | undefined;
  },
) {
  const cursor = decodeCursor(query.cursor);
  let q = db
    .selectFrom('users')
    .selectAll()
    .orderBy('email')
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.role) q = q.where('role', '=', query.role);
  if (query.clientId) q = q.where('client_id', '=', query.clientId);
  if (query.q) {
    const d = dialectOf(db);
    const term = query.q;
    q = q.where((eb) =>
      eb.or([containsInsensitive(d, eb.ref('email'), term), containsInsensitive(d, eb.ref('name'), term)]),
    );
  }
  if (cursor) {
    const after = String(cursor.after);
    q = q.where((eb) => eb(eb.refTuple('email', 'id'), '>', eb.tuple(after, cursor.id)));
  }
  return toPage(await q.execute(), query.limit, presentUser, (r) => ({ after: r.email, id: r.id }));
}

/** Clients a staff member reaches through the teams they belong to. */
export async function teamClientIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('team_clients', 'team_clients.team_id', 'team_members.team_id')
    .select('team_clients.client_id')
    .distinct()
    .where('team_members.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.client_id);
}
