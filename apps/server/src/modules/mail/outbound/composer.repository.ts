/**
 * The reads and writes of the outbound composer: the events waiting for their mail, the people to write to and the
 * thread a new mail joins. Read-only on the tickets' tables; the only write is clearing `mail_pending`.
 */
import type { Db } from '../../../db/connection.js';
import { dialectOf } from '../../../db/dialect.js';
import type { TicketEventRow } from '../../../db/schema.js';

/** The oldest events waiting for the composer; on PostgreSQL locked, skipping those another process holds. */
export async function claimPendingEvents(trx: Db, limit: number): Promise<TicketEventRow[]> {
  let query = trx
    .selectFrom('ticket_events')
    .selectAll()
    .where('mail_pending', '=', 1)
    .orderBy('at')
    .orderBy('id')
    .limit(limit);
  if (dialectOf(trx) === 'postgres') query = query.forUpdate().skipLocked();
  return query.execute();
}

export async function markEventsComposed(trx: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('ticket_events').set({ mail_pending: 0 }).where('id', 'in', ids).execute();
}

export async function skipAllPending(db: Db): Promise<void> {
  await db.updateTable('ticket_events').set({ mail_pending: 0 }).where('mail_pending', '=', 1).execute();
}

export interface TicketForComposer {
  id: string;
  number: number;
  client_id: string;
  client_name: string;
  title: string;
  description: string;
  source: string;
  status: string;
  priority: string;
  team_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  requester_contact_id: string | null;
  requester_user_id: string | null;
  merged_into_id: string | null;
  close_cause: string | null;
}

export async function findTicketForComposer(db: Db, ticketId: string): Promise<TicketForComposer | undefined> {
  return db
    .selectFrom('tickets')
    .innerJoin('clients', 'clients.id', 'tickets.client_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .select([
      'tickets.id',
      'tickets.number',
      'tickets.client_id',
      'clients.name as client_name',
      'tickets.title',
      'tickets.description',
      'tickets.source',
      'tickets.status',
      'tickets.priority',
      'tickets.team_id',
      'tickets.assignee_id',
      'assignee.name as assignee_name',
      'tickets.requester_contact_id',
      'tickets.requester_user_id',
      'tickets.merged_into_id',
      'tickets.close_cause',
    ])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
}

export interface Recipient {
  address: string;
  name: string | null;
  locale: string;
  /** The person's account, when they have one (never mailed about their own action). */
  userId: string | null;
}

/** The requester of a ticket with an address: its contact, else its user account. */
export async function findRequester(db: Db, ticket: TicketForComposer): Promise<Recipient | null> {
  if (ticket.requester_contact_id) {
    const contact = await db
      .selectFrom('contacts')
      .select(['email', 'first_name', 'last_name', 'locale'])
      .where('id', '=', ticket.requester_contact_id)
      .executeTakeFirst();
    if (contact?.email) {
      const user = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', contact.email.toLowerCase())
        .executeTakeFirst();
      return {
        address: contact.email,
        name: `${contact.first_name} ${contact.last_name}`.trim() || null,
        locale: contact.locale,
        userId: user?.id ?? null,
      };
    }
  }
  if (ticket.requester_user_id) {
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'locale', 'active'])
      .where('id', '=', ticket.requester_user_id)
      .executeTakeFirst();
    if (user && user.active === 1)
      return { address: user.email, name: user.name, locale: user.locale, userId: user.id };
  }
  return null;
}

/** The provider staff an SLA milestone is for: the assignee, else the team's members; breaches add the managers. */
export async function findSlaRecipients(db: Db, ticket: TicketForComposer, breach: boolean): Promise<Recipient[]> {
  const ids = new Set<string>();
  if (ticket.assignee_id) ids.add(ticket.assignee_id);
  else if (ticket.team_id) {
    const members = await db
      .selectFrom('team_members')
      .select('user_id')
      .where('team_id', '=', ticket.team_id)
      .execute();
    for (const m of members) ids.add(m.user_id);
  }
  let query = db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('active', '=', 1)
    .where('client_id', 'is', null)
    .orderBy('email');
  query = breach
    ? query.where((eb) =>
        eb.or([eb('id', 'in', [...ids, '00000000-0000-0000-0000-000000000000']), eb('role', '=', 'manager')]),
      )
    : query.where('id', 'in', [...ids, '00000000-0000-0000-0000-000000000000']);
  const rows = await query.execute();
  return rows.map((r) => ({ address: r.email, name: r.name, locale: r.locale, userId: r.id }));
}

/**
 * Whether the event's author is provider staff (or the system). A message that came by mail from a contact with no
 * account has no author id: it is the client's, not the system's.
 */
export async function isStaffAuthor(db: Db, actorId: string | null, data: Record<string, unknown>): Promise<boolean> {
  if (!actorId) return data.source !== 'email';
  const user = await db.selectFrom('users').select(['client_id']).where('id', '=', actorId).executeTakeFirst();
  return !user || user.client_id === null;
}

/** The message ids of a ticket's thread (in and out): its first, then the latest ones, oldest first. */
export async function threadOf(db: Db, ticketId: string, latest: number): Promise<string[]> {
  const first = await db
    .selectFrom('mail_messages')
    .select('message_id')
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .execute();
  const last = await db
    .selectFrom('mail_messages')
    .select('message_id')
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(latest)
    .execute();
  return [...first, ...last.reverse()].map((r) => r.message_id);
}
