import type { Team } from '@vigie/contracts';
import type { Db } from '../../db/connection.js';
import type { TeamRow } from '../../db/schema.js';

export async function listTeams(db: Db): Promise<Team[]> {
  const [teams, members, clients] = await Promise.all([
    db.selectFrom('teams').selectAll().orderBy('name').execute(),
    db.selectFrom('team_members').selectAll().execute(),
    db.selectFrom('team_clients').selectAll().execute(),
  ]);
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.user_id),
    clientIds: clients.filter((c) => c.team_id === t.id).map((c) => c.client_id),
  }));
}

export async function findTeam(db: Db, id: string): Promise<Team | undefined> {
  return (await listTeams(db)).find((t) => t.id === id);
}

export async function findTeamByName(db: Db, name: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertTeam(db: Db, row: TeamRow): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}

export async function updateTeam(db: Db, id: string, changes: Partial<TeamRow>): Promise<void> {
  await db.updateTable('teams').set(changes).where('id', '=', id).execute();
}

export async function deleteTeam(db: Db, id: string): Promise<void> {
  await db.deleteFrom('teams').where('id', '=', id).execute();
}

/** Replaces a team's members and clients in one go. */
export async function setTeamLinks(
  db: Db,
  teamId: string,
  memberIds: readonly string[],
  clientIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  await db.deleteFrom('team_clients').where('team_id', '=', teamId).execute();
  if (memberIds.length > 0) {
    await db
      .insertInto('team_members')
      .values(memberIds.map((user_id) => ({ team_id: teamId, user_id })))
      .execute();
  }
  if (clientIds.length > 0) {
    await db
      .insertInto('team_clients')
      .values(clientIds.map((client_id) => ({ team_id: teamId, client_id })))
      .execute();
  }
}

/** Ids among those given that are not staff users (to refuse them as team members). */
export async function nonStaffUserIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('role', 'in', ['admin', 'manager', 'technician'])
    .execute();
  const staff = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !staff.has(id));
}
