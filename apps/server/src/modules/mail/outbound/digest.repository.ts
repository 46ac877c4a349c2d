/** The daily digest: who asked for it, and the figures of their desk. */
import type { Db } from '../../../db/connection.js';
import { nonEmpty } from '../../../db/pagination.js';

export interface DigestSubscriber {
  user_id: string;
  hour: number;
  last_sent_on: string | null;
  email: string;
  name: string;
  locale: string;
  role: string;
}

export async function findDigestSetting(db: Db, userId: string) {
  return db.selectFrom('mail_digests').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function saveDigestSetting(db: Db, userId: string, hour: number, now: string): Promise<void> {
  await db
    .insertInto('mail_digests')
    .values({ user_id: userId, hour, last_sent_on: null, created_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ hour }))
    .execute();
}

export async function deleteDigestSetting(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('mail_digests').where('user_id', '=', userId).execute();
}

/** Active staff whose digest hour has come today and who have not had today's digest. */
export async function dueSubscribers(db: Db, today: string, hour: number): Promise<DigestSubscriber[]> {
  return db
    .selectFrom('mail_digests')
    .innerJoin('users', 'users.id', 'mail_digests.user_id')
    .select([
      'mail_digests.user_id',
      'mail_digests.hour',
      'mail_digests.last_sent_on',
      'users.email',
      'users.name',
      'users.locale',
      'users.role',
    ])
    .where('users.active', '=', 1)
    .where('users.client_id', 'is', null)
    .where('mail_digests.hour', '<=', hour)
    .where((eb) => eb.or([eb('mail_digests.last_sent_on', 'is', null), eb('mail_digests.last_sent_on', '<', today)]))
    .orderBy('mail_digests.user_id')
    .limit(200)
    .execute();
}

/** Marks today's digest as sent; false when another process did it first (so it is queued once). */
export async function markDigestSent(db: Db, userId: string, today: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_digests')
    .set({ last_sent_on: today })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_sent_on', 'is', null), eb('last_sent_on', '<', today)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function clientIdsOfTechnician(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('team_clients', 'team_clients.team_id', 'team_members.team_id')
    .select('team_clients.client_id')
    .where('team_members.user_id', '=', userId)
    .distinct()
    .execute();
  return rows.map((r) => r.client_id);
}

export interface DigestLine {
  number: number;
  title: string;
  client_name: string;
}

export interface DigestSection {
  count: number;
  lines: DigestLine[];
}

const LINES = 10;

/** The five sections of a digest, within a scope ('all' or a list of clients). */
export async function digestFigures(db: Db, scope: 'all' | readonly string[], now: Date) {
  const nowIso = now.toISOString();
  const soon = new Date(now.getTime() + 4 * 3600_000).toISOString();
  const yesterday = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const running = ['new', 'assigned', 'in_progress'];

  const section = async (filter: (q: ReturnType<typeof base>) => ReturnType<typeof base>): Promise<DigestSection> => {
    const countRow = await filter(base())
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const lines = await filter(base())
      .select(['tickets.number', 'tickets.title', 'clients.name as client_name'])
      .orderBy('tickets.due_at')
      .orderBy('tickets.number')
      .limit(LINES)
      .execute();
    return { count: Number(countRow?.n ?? 0), lines };
  };
  const base = () => {
    let q = db.selectFrom('tickets').innerJoin('clients', 'clients.id', 'tickets.client_id');
    if (scope !== 'all') q = q.where('tickets.client_id', 'in', nonEmpty(scope));
    return q;
  };
  return {
    open: await section((q) => q.where('tickets.is_open', '=', 1).where('tickets.status', '<>', 'resolved')),
    breachingSoon: await section((q) =>
      q.where('tickets.status', 'in', running).where('tickets.due_at', '>=', nowIso).where('tickets.due_at', '<', soon),
    ),
    breached: await section((q) =>
      q.where('tickets.status', 'in', [...running, 'pending']).where('tickets.due_at', '<', nowIso),
    ),
    unassigned: await section((q) =>
      q
        .where('tickets.is_open', '=', 1)
        .where('tickets.status', '<>', 'resolved')
        .where('tickets.assignee_id', 'is', null),
    ),
    resolved: await section((q) => q.where('tickets.resolved_at', '>=', yesterday)),
  };
}

export type DigestFigures = Awaited<ReturnType<typeof digestFigures>>;
