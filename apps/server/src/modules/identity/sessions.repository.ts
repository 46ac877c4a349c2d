import type { Db } from '../../db/connection.js';
import type { SessionRow, UserRow } from '../../db/schema.js';

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** A live session and its user, or nothing: expired, revoked and inactive users all end here. */
export async function findLiveSession(
  db: Db,
  id: string,
  now: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as s_id',
      'sessions.csrf_token as s_csrf',
      'sessions.created_at as s_created',
      'sessions.expires_at as s_expires',
      'sessions.last_seen_at as s_seen',
      'sessions.ip as s_ip',
      'sessions.user_agent as s_ua',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_id, s_csrf, s_created, s_expires, s_seen, s_ip, s_ua, ...user } = row;
  return {
    session: {
      id: s_id,
      user_id: user.id,
      csrf_token: s_csrf,
      created_at: s_created,
      expires_at: s_expires,
      last_seen_at: s_seen,
      revoked_at: null,
      ip: s_ip,
      user_agent: s_ua,
    },
    user,
  };
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function revokeSession(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeSessionsOfUser(db: Db, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
