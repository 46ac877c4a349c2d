/** Links sent by mail that work once (password reset, invitation); only the SHA-256 of their token is stored. */
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { OneTimeLinkRow, UserRow } from '../../db/schema.js';

export type LinkPurpose = OneTimeLinkRow['purpose'];

/** A new link for a person and purpose; the older unused ones of the same purpose stop working (expired now). */
export async function insertLink(
  db: Db,
  link: { purpose: LinkPurpose; userId: string; tokenHash: string; expiresAt: string; now: string },
): Promise<void> {
  await db
    .updateTable('one_time_links')
    .set({ expires_at: link.now })
    .where('user_id', '=', link.userId)
    .where('purpose', '=', link.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', link.now)
    .execute();
  await db
    .insertInto('one_time_links')
    .values({
      id: newId(),
      purpose: link.purpose,
      user_id: link.userId,
      ticket_id: null,
      token_hash: link.tokenHash,
      expires_at: link.expiresAt,
      used_at: null,
      created_at: link.now,
    })
    .execute();
}

export async function findLinkByHash(
  db: Db,
  tokenHash: string,
): Promise<{ link: OneTimeLinkRow; user: UserRow } | undefined> {
  const link = await db.selectFrom('one_time_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!link) return undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', link.user_id).executeTakeFirst();
  return user ? { link, user } : undefined;
}

/** Marks the link used; false when it was used (or voided) meanwhile, so a link works once even under a race. */
export async function useLink(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('one_time_links')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
