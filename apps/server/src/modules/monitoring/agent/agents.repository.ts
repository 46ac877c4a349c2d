import type { Db } from '../../../db/connection.js';
import type { AgentEnrollmentRow, AgentRow } from '../../../db/schema-monitoring.js';

/** SQL of agents and their enrollment tokens; credentials and tokens are looked up by their SHA-256 only. */
export async function insertEnrollment(db: Db, row: AgentEnrollmentRow): Promise<void> {
  await db.insertInto('agent_enrollments').values(row).execute();
}

export function findEnrollmentByHash(db: Db, tokenHash: string) {
  return db.selectFrom('agent_enrollments').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function findEnrollment(db: Db, id: string) {
  return db.selectFrom('agent_enrollments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countEnrollmentUse(db: Db, id: string): Promise<void> {
  await db
    .updateTable('agent_enrollments')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function revokeEnrollmentRow(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('agent_enrollments').set({ revoked_at: at }).where('id', '=', id).execute();
}

export function listEnrollmentRows(db: Db, scope: 'all' | readonly string[], clientId: string | undefined) {
  let query = db
    .selectFrom('agent_enrollments as e')
    .innerJoin('clients as c', 'c.id', 'e.client_id')
    .selectAll('e')
    .select('c.name as client_name')
    .orderBy('e.created_at', 'desc')
    .limit(200);
  if (scope !== 'all') query = query.where('e.client_id', 'in', scope.length > 0 ? [...scope] : ['']);
  if (clientId) query = query.where('e.client_id', '=', clientId);
  return query.execute();
}

export async function insertAgent(db: Db, row: AgentRow): Promise<void> {
  await db.insertInto('agents').values(row).execute();
}

/** The agent presenting this credential: its current one, or its previous one right after a rotation. */
export function findAgentByCredential(db: Db, credentialHash: string) {
  return db
    .selectFrom('agents')
    .selectAll()
    .where((eb) =>
      eb.or([eb('credential_hash', '=', credentialHash), eb('previous_credential_hash', '=', credentialHash)]),
    )
    .executeTakeFirst();
}

export function findAgent(db: Db, id: string) {
  return db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAgentOfAsset(db: Db, assetId: string) {
  return db
    .selectFrom('agents')
    .selectAll()
    .where('asset_id', '=', assetId)
    .orderBy('enrolled_at', 'desc')
    .executeTakeFirst();
}

export async function updateAgent(db: Db, id: string, patch: Partial<AgentRow>): Promise<void> {
  await db.updateTable('agents').set(patch).where('id', '=', id).execute();
}

export async function bumpAgentConfig(db: Db, agentId: string): Promise<void> {
  await db
    .updateTable('agents')
    .set((eb) => ({ config_version: eb('config_version', '+', 1) }))
    .where('id', '=', agentId)
    .execute();
}

/**
 * Records a batch as committed: moves `last_seq` forward only if this batch is new. Answers false when another
 * request committed the same (or a later) sequence first — the caller's transaction then rolls back.
 */
export async function advanceAgentSequence(
  db: Db,
  agentId: string,
  seq: number,
  seenAt: string,
  version: string | null,
) {
  const result = await db
    .updateTable('agents')
    .set({ last_seq: seq, last_seen_at: seenAt, ...(version ? { version } : {}) })
    .where('id', '=', agentId)
    .where('last_seq', '<', seq)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchAgent(db: Db, agentId: string, seenAt: string): Promise<void> {
  await db.updateTable('agents').set({ last_seen_at: seenAt }).where('id', '=', agentId).execute();
}

export function listAgentRows(db: Db, scope: 'all' | readonly string[], clientId: string | undefined) {
  let query = db
    .selectFrom('agents as g')
    .innerJoin('clients as c', 'c.id', 'g.client_id')
    .innerJoin('assets as a', 'a.id', 'g.asset_id')
    .selectAll('g')
    .select(['c.name as client_name', 'a.name as asset_name'])
    .orderBy('c.name')
    .orderBy('g.hostname')
    .limit(1000);
  if (scope !== 'all') query = query.where('g.client_id', 'in', scope.length > 0 ? [...scope] : ['']);
  if (clientId) query = query.where('g.client_id', '=', clientId);
  return query.execute();
}
export type AgentListRow = Awaited<ReturnType<typeof listAgentRows>>[number];
