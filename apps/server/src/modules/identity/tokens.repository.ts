import type { ApiToken } from '@vigie/contracts';
import type { Db } from '../../db/connection.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { ApiTokenRow, UserRow } from '../../db/schema.js';

export function presentToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    scopes: fromJson<ApiToken['scopes']>(row.scopes),
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
  };
}

export async function insertToken(db: Db, row: ApiTokenRow): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({ ...row, scopes: toJson(row.scopes) })
    .execute();
}

export async function listTokensOfUser(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();
}

export async function findTokenById(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A usable token and its user: not revoked, not expired, user active. */
export async function findLiveTokenByHash(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const token = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  if (!token) return undefined;
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', token.user_id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return user ? { token, user } : undefined;
}

export async function markTokenUsed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
}
