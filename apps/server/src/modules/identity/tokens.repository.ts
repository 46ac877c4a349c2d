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

/** A usable token and its user, in one query: not revoked, not expired, user active. */
export async function findLiveTokenByHash(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users', 'users.id', 't.user_id')
    .selectAll('users')
    .select([
      't.id as t_id',
      't.name as t_name',
      't.prefix as t_prefix',
      't.token_hash as t_hash',
      't.scopes as t_scopes',
      't.expires_at as t_expires',
      't.last_used_at as t_used',
      't.created_at as t_created',
    ])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return undefined;
  const { t_id, t_name, t_prefix, t_hash, t_scopes, t_expires, t_used, t_created, ...user } = row;
  return {
    token: {
      id: t_id,
      user_id: user.id,
      name: t_name,
      prefix: t_prefix,
      token_hash: t_hash,
      scopes: t_scopes,
      expires_at: t_expires,
      last_used_at: t_used,
      revoked_at: null,
      created_at: t_created,
    },
    user,
  };
}

export async function markTokenUsed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
}
