import type { Notification } from '@vigie/contracts';
import { ticketReference } from '@vigie/domain';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import { decodeCursor, toPage } from '../../db/pagination.js';

export async function insertNotifications(
  db: Db,
  userIds: readonly string[],
  n: { ticketId: string | null; kind: string; text: string; at: string },
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        id: newId(),
        user_id: userId,
        ticket_id: n.ticketId,
        kind: n.kind,
        text: n.text,
        at: n.at,
        read_at: null,
      })),
    )
    .execute();
}

/** A person's notifications, newest first. */
export async function listNotifications(db: Db, userId: string, page: { cursor?: string | undefined; limit: number }) {
  const cursor = decodeCursor(page.cursor);
  let q = db
    .selectFrom('notifications')
    .leftJoin('tickets', 'tickets.id', 'notifications.ticket_id')
    .selectAll('notifications')
    .select('tickets.number')
    .where('notifications.user_id', '=', userId)
    .orderBy('notifications.id', 'desc')
    .limit(page.limit + 1);
  if (cursor) q = q.where('notifications.id', '<', cursor.id);
  const rows = await q.execute();
  return toPage(
    rows,
    page.limit,
    (r): Notification => ({
      id: r.id,
      ticketId: r.ticket_id,
      ticketReference: r.number === null ? null : ticketReference(Number(r.number)),
      kind: r.kind,
      text: r.text,
      at: r.at,
      readAt: r.read_at,
    }),
    (r) => ({ after: r.id, id: r.id }),
  );
}

export async function markNotificationRead(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return true;
  const exists = await db
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return exists !== undefined;
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
