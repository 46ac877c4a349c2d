/** What the tickets module reads from the register and the staff directory to route and qualify a ticket. */
import type { Db } from '../../db/connection.js';
import { fromJson } from '../../db/dialect.js';
import type { ContractRow } from '../../db/schema.js';

/** Contracts in force on a date (active, started, not ended), oldest first: the first one is the main contract. */
export async function contractsInForce(db: Db, clientId: string, today: string): Promise<ContractRow[]> {
  return db
    .selectFrom('contracts')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('status', '=', 'active')
    .where('starts_on', '<=', today)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
}

export async function findContractRow(db: Db, id: string): Promise<ContractRow | undefined> {
  return db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function clientBasics(db: Db, id: string) {
  return db
    .selectFrom('clients')
    .select(['id', 'code', 'name', 'time_zone', 'locale', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function contactBasics(db: Db, id: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'client_id', 'first_name', 'last_name', 'email', 'phone', 'mobile'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The contact a client person is, found by their sign-in address. */
export async function contactOfUser(db: Db, clientId: string, email: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'first_name', 'last_name'])
    .where('client_id', '=', clientId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

/** The client person (user) behind a contact, by address: their tickets become "their own" in the portal. */
export async function userOfContact(db: Db, clientId: string, email: string | null): Promise<string | null> {
  if (!email) return null;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('client_id', '=', clientId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function assetsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('assets').select(['id', 'client_id', 'type', 'name']).where('id', 'in', ids).execute();
}

export async function categoryRow(db: Db, id: string) {
  return db.selectFrom('ticket_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function staffUser(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'active', 'support_level', 'client_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function teamExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Whether a team serves a client: only then may the client's tickets land in its queue. */
export async function teamServesClient(db: Db, teamId: string, clientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('team_clients')
    .select('team_id')
    .where('team_id', '=', teamId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function teamIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.team_id);
}

/** Whether a technician reaches a client through one of their teams. */
export async function userReachesClient(db: Db, userId: string, clientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('team_members')
    .innerJoin('team_clients', 'team_clients.team_id', 'team_members.team_id')
    .select('team_members.user_id')
    .where('team_members.user_id', '=', userId)
    .where('team_clients.client_id', '=', clientId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function activeTeamMemberIds(db: Db, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select('users.id')
    .where('team_members.team_id', '=', teamId)
    .where('users.active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

export async function activeManagerIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'manager')
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

export async function setting<T>(db: Db, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? fromJson<T>(row.value) : null;
}

/** Teams that serve a client, with the lowest support level among their members and whether `userId` is one. */
export async function teamsServing(db: Db, clientId: string, userId: string | null) {
  const rows = await db
    .selectFrom('team_clients')
    .innerJoin('teams', 'teams.id', 'team_clients.team_id')
    .leftJoin('team_members', 'team_members.team_id', 'teams.id')
    .leftJoin('users', (join) => join.onRef('users.id', '=', 'team_members.user_id').on('users.active', '=', 1))
    .select(['teams.id', 'teams.name', 'users.id as user_id', 'users.support_level'])
    .where('team_clients.client_id', '=', clientId)
    .orderBy('teams.name')
    .execute();
  const teams = new Map<string, { id: string; minLevel: number | null; hasUser: boolean }>();
  for (const r of rows) {
    const team = teams.get(r.id) ?? { id: r.id, minLevel: null, hasUser: false };
    if (r.support_level !== null && r.support_level !== undefined) {
      team.minLevel = team.minLevel === null ? r.support_level : Math.min(team.minLevel, r.support_level);
    }
    if (userId && r.user_id === userId) team.hasUser = true;
    teams.set(r.id, team);
  }
  return [...teams.values()];
}
