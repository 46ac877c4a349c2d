/** The SQL of notification rules: their rows, what routing needs of them, and who a team rule mails. */
import type { ClientScope } from '../../../core/actor.js';
import type { Db } from '../../../db/connection.js';
import { nonEmpty } from '../../../db/pagination.js';
import type { NotificationRuleRow } from '../../../db/schema-monitoring.js';

export async function insertRule(db: Db, row: NotificationRuleRow): Promise<void> {
  await db.insertInto('notification_rules').values(row).execute();
}

export async function updateRule(db: Db, row: NotificationRuleRow): Promise<void> {
  const { id, created_at: _createdAt, ...fields } = row;
  await db.updateTable('notification_rules').set(fields).where('id', '=', id).execute();
}

/** Deleting a rule deletes its deliveries and their log (cascade). */
export async function deleteRule(db: Db, id: string): Promise<void> {
  await db.deleteFrom('notification_rules').where('id', '=', id).execute();
}

export async function findRule(db: Db, id: string): Promise<NotificationRuleRow | undefined> {
  return db.selectFrom('notification_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Rules the actor reaches: every one, or those for every client and for the clients in scope. */
export async function listRules(db: Db, scope: ClientScope): Promise<NotificationRuleRow[]> {
  let q = db.selectFrom('notification_rules').selectAll().orderBy('name').orderBy('id');
  if (scope !== 'all') {
    q = q.where((eb) => eb.or([eb('client_id', 'is', null), eb('client_id', 'in', nonEmpty(scope))]));
  }
  return q.execute();
}

/** Every rule with the clients of its team, in two queries: what the routing cache holds. */
export async function loadRulesForRouting(db: Db): Promise<{
  rules: Pick<NotificationRuleRow, 'id' | 'client_id' | 'team_id' | 'min_severity' | 'enabled'>[];
  teamClients: { team_id: string; client_id: string }[];
}> {
  const rules = await db
    .selectFrom('notification_rules')
    .select(['id', 'client_id', 'team_id', 'min_severity', 'enabled'])
    .execute();
  const teamIds = [...new Set(rules.flatMap((r) => (r.team_id ? [r.team_id] : [])))];
  const teamClients =
    teamIds.length === 0
      ? []
      : await db.selectFrom('team_clients').select(['team_id', 'client_id']).where('team_id', 'in', teamIds).execute();
  return { rules, teamClients };
}

export async function clientExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('clients').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function teamExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export interface Recipient {
  address: string;
  name: string | null;
  locale: string | null;
}

/** The active members of a team, with their language. */
export async function teamMembers(db: Db, teamId: string): Promise<Recipient[]> {
  return db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.email as address', 'users.name as name', 'users.locale as locale'])
    .where('team_members.team_id', '=', teamId)
    .where('users.active', '=', 1)
    .orderBy('users.email')
    .execute();
}

/** The language of addresses Vigie knows: a person's (user) first, else a contact's. */
export async function localesOfAddresses(db: Db, addresses: readonly string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  if (addresses.length === 0) return known;
  const lower = addresses.map((a) => a.toLowerCase());
  const contacts = await db
    .selectFrom('contacts')
    .select(['email', 'locale'])
    .where((eb) => eb(eb.fn('lower', ['email']), 'in', lower))
    .execute();
  for (const c of contacts) if (c.email) known.set(c.email.toLowerCase(), c.locale);
  const users = await db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where((eb) => eb(eb.fn('lower', ['email']), 'in', lower))
    .execute();
  for (const u of users) known.set(u.email.toLowerCase(), u.locale);
  return known;
}
