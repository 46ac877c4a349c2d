import type { AssetSummary } from '@vigie/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { dialectOf, toJson } from '../../db/dialect.js';
import { matchesQuery } from '../../db/full-text.js';
import { decodeCursor, instantAfter, nonEmpty, toPage } from '../../db/pagination.js';
import type { TicketRow } from '../../db/schema.js';

/** The names a list or page shows next to a ticket. */
interface TicketNames {
  client_code: string;
  client_name: string;
  client_time_zone: string;
  team_name: string | null;
  assignee_name: string | null;
}

const NAME_COLUMNS = [
  'clients.code as client_code',
  'clients.name as client_name',
  'clients.time_zone as client_time_zone',
  'teams.name as team_name',
  'assignee.name as assignee_name',
] as const;

/** A ticket with the names a page shows next to it. */
export type TicketWithNames = TicketRow & TicketNames;

/**
 * The columns of a list row (`TicketSummary`) and of its cursors: a list reads these only, not the description,
 * solution and other long text of each of its rows (half the time of a 50-row page on SQLite).
 */
const SUMMARY_COLUMNS = [
  'tickets.id',
  'tickets.number',
  'tickets.client_id',
  'tickets.title',
  'tickets.type',
  'tickets.status',
  'tickets.pending_reason',
  'tickets.priority',
  'tickets.support_level',
  'tickets.entry_level',
  'tickets.source',
  'tickets.team_id',
  'tickets.assignee_id',
  'tickets.requester_name',
  'tickets.out_of_scope',
  'tickets.due_at',
  'tickets.sla',
  'tickets.created_at',
  'tickets.updated_at',
] as const;

type SummaryColumn = (typeof SUMMARY_COLUMNS)[number] extends `tickets.${infer C}` ? C : never;

/** A list row: the summary columns with the names. */
export type TicketSummaryRow = Pick<TicketRow, SummaryColumn> & TicketNames;

const JSON_COLUMNS = ['levels_delivered', 'sla', 'solution', 'manager_escalation'] as const;

/** JSON columns as written; a value read back from SQLite is already JSON text and is written as it is. */
function encoded(row: Partial<TicketRow>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const column of JSON_COLUMNS) {
    const value = row[column];
    if (column in row) out[column] = value === null || typeof value === 'string' ? value : toJson(value);
  }
  return out;
}

export async function insertTicket(db: Db, row: TicketRow): Promise<void> {
  await db
    .insertInto('tickets')
    .values(encoded(row) as never)
    .execute();
}

/**
 * Writes a ticket's new state if nobody changed it since it was read (`version`), and bumps the version.
 * Returns false when the ticket changed meanwhile.
 */
export async function updateTicket(db: Db, row: TicketRow): Promise<boolean> {
  const { id, version, ...changes } = row;
  const result = await db
    .updateTable('tickets')
    .set({ ...(encoded(changes) as object), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The ticket's row; on PostgreSQL locked for the rest of the transaction so that writers queue up. */
export async function findTicketForUpdate(db: Db, id: string): Promise<TicketRow | undefined> {
  let query = db.selectFrom('tickets').selectAll().where('id', '=', id);
  if (dialectOf(db) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findTicket(db: Db, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTicketByNumber(db: Db, number: number): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirst();
}

export function selectTicketsWithNames(db: Db) {
  return db
    .selectFrom('tickets')
    .innerJoin('clients', 'clients.id', 'tickets.client_id')
    .leftJoin('teams', 'teams.id', 'tickets.team_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .selectAll('tickets')
    .select(NAME_COLUMNS);
}

export async function findTicketWithNames(db: Db, id: string): Promise<TicketWithNames | undefined> {
  return selectTicketsWithNames(db).where('tickets.id', '=', id).executeTakeFirst();
}

/** References of tickets by id, for links (follow-up, parent, merged into). */
export async function ticketNumbers(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('tickets').select(['id', 'number']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, Number(r.number)]));
}

export async function setTicketAssets(db: Db, ticketId: string, assetIds: readonly string[]): Promise<void> {
  await db.deleteFrom('ticket_assets').where('ticket_id', '=', ticketId).execute();
  if (assetIds.length === 0) return;
  // An asset named twice is linked once.
  await db
    .insertInto('ticket_assets')
    .values([...new Set(assetIds)].map((assetId) => ({ ticket_id: ticketId, asset_id: assetId })))
    .execute();
}

export async function assetsOfTicket(db: Db, ticketId: string): Promise<AssetSummary[]> {
  const rows = await db
    .selectFrom('ticket_assets')
    .innerJoin('assets', 'assets.id', 'ticket_assets.asset_id')
    .select(['assets.id', 'assets.name', 'assets.type', 'assets.criticality'])
    .where('ticket_assets.ticket_id', '=', ticketId)
    .orderBy('assets.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as AssetSummary['type'],
    criticality: r.criticality as AssetSummary['criticality'],
  }));
}

export interface TicketFilter {
  /** Clients in reach; 'all' for staff who see every client. */
  clientIds: 'all' | readonly string[];
  requesterUserId: string | null;
  isOpen?: boolean;
  /** Leave out resolved tickets (they wait on the requester, not on the provider). */
  excludeResolved?: boolean;
  statuses?: readonly string[];
  priorities?: readonly string[];
  levels?: readonly number[];
  clientId?: string;
  teamIds?: readonly string[];
  assigneeId?: string;
  unassigned?: boolean;
  /** true: only tickets held by the client's own IT (below the provider's entry level); false: none of them. */
  inHouse?: boolean;
  categoryId?: string;
  dueBefore?: string;
  /** An exact ticket number (a reference typed in the search box). */
  number?: number;
  /** Full-text search over the ticket and its replies and notes. */
  search?: string;
  titleContains?: string;
}

export type TicketSort = 'due' | 'updated' | 'created';

/**
 * One page of tickets, keyset-paginated: by (due_at, id) ascending for queues — tickets whose clocks do not run
 * come last —, by (updated_at, id) or id (creation order) descending otherwise.
 *
 * The page is chosen on the tickets table alone and the names are joined to its rows only: when PostgreSQL expects
 * few matches (a team, a status and a technician's clients, taken as independent) it reads them all and sorts them,
 * and joining before the sort would look up the names of every match rather than of 50 rows.
 */
export async function listTickets(
  db: Db,
  filter: TicketFilter,
  sort: TicketSort,
  page: { cursor?: string | undefined; limit: number },
) {
  const cursor = decodeCursor(page.cursor);
  let q = db
    .selectFrom('tickets')
    .select(SUMMARY_COLUMNS)
    .limit(page.limit + 1);
  if (filter.clientIds !== 'all') q = q.where('tickets.client_id', 'in', nonEmpty(filter.clientIds));
  if (filter.requesterUserId) q = q.where('tickets.requester_user_id', '=', filter.requesterUserId);
  // `is_open` is `status <> 'closed'`: with statuses given it is folded into them, so that a queue of one team and
  // status reads the (team_id, status, due_at) index. Given both, SQLite (which has no statistics) takes the
  // (team_id, is_open, due_at) index instead and reads the team's whole open queue to find the status asked for.
  let statuses = filter.statuses?.length ? filter.statuses : undefined;
  if (statuses && filter.isOpen !== undefined) statuses = statuses.filter((s) => (s !== 'closed') === filter.isOpen);
  else if (filter.isOpen !== undefined) q = q.where('tickets.is_open', '=', filter.isOpen ? 1 : 0);
  if (statuses) q = q.where('tickets.status', 'in', nonEmpty(statuses));
  else if (filter.excludeResolved) q = q.where('tickets.status', '<>', 'resolved');
  if (filter.priorities?.length) q = q.where('tickets.priority', 'in', filter.priorities);
  if (filter.levels?.length) q = q.where('tickets.support_level', 'in', filter.levels);
  if (filter.clientId) q = q.where('tickets.client_id', '=', filter.clientId);
  if (filter.teamIds) {
    const teams = filter.teamIds;
    q =
      teams.length === 1
        ? q.where('tickets.team_id', '=', teams[0] as string)
        : q.where('tickets.team_id', 'in', nonEmpty(teams));
  }
  if (filter.assigneeId) q = q.where('tickets.assignee_id', '=', filter.assigneeId);
  if (filter.unassigned) q = q.where('tickets.assignee_id', 'is', null);
  if (filter.inHouse !== undefined) {
    q = q.whereRef('tickets.support_level', filter.inHouse ? '<' : '>=', 'tickets.entry_level');
  }
  if (filter.categoryId) q = q.where('tickets.category_id', '=', filter.categoryId);
  if (filter.dueBefore) q = q.where('tickets.due_at', '<=', filter.dueBefore);
  if (filter.number !== undefined) q = q.where('tickets.number', '=', filter.number);
  if (filter.search) {
    const search = filter.search;
    q = q.where((eb) => matchesQuery(db, 'ticket_fts', eb.ref('tickets.number'), search));
  }
  if (filter.titleContains) {
    const pattern = `%${filter.titleContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q =
      dialectOf(db) === 'postgres'
        ? q.where(sql<boolean>`tickets.title ilike ${pattern} escape '\\'`)
        : q.where(sql<boolean>`tickets.title like ${pattern} escape '\\'`);
  }
  const withNames = (ordered: typeof q) =>
    db
      .selectFrom(ordered.as('t'))
      .innerJoin('clients', 'clients.id', 't.client_id')
      .leftJoin('teams', 'teams.id', 't.team_id')
      .leftJoin('users as assignee', 'assignee.id', 't.assignee_id')
      .selectAll('t')
      .select(NAME_COLUMNS);
  switch (sort) {
    case 'due': {
      q = q.orderBy('tickets.due_at').orderBy('tickets.id');
      if (cursor) {
        const after = instantAfter(cursor);
        q = q.where((eb) => eb(eb.refTuple('tickets.due_at', 'tickets.id'), '>', eb.tuple(after, cursor.id)));
      }
      const rows = await withNames(q).orderBy('t.due_at').orderBy('t.id').execute();
      return toPage(
        rows,
        page.limit,
        (r) => r,
        (r) => ({ after: r.due_at, id: r.id }),
      );
    }
    case 'updated': {
      q = q.orderBy('tickets.updated_at', 'desc').orderBy('tickets.id', 'desc');
      if (cursor) {
        const after = instantAfter(cursor);
        q = q.where((eb) => eb(eb.refTuple('tickets.updated_at', 'tickets.id'), '<', eb.tuple(after, cursor.id)));
      }
      const rows = await withNames(q).orderBy('t.updated_at', 'desc').orderBy('t.id', 'desc').execute();
      return toPage(
        rows,
        page.limit,
        (r) => r,
        (r) => ({ after: r.updated_at, id: r.id }),
      );
    }
    default: {
      q = q.orderBy('tickets.id', 'desc');
      if (cursor) q = q.where('tickets.id', '<', cursor.id);
      const rows = await withNames(q).orderBy('t.id', 'desc').execute();
      return toPage(
        rows,
        page.limit,
        (r) => r,
        (r) => ({ after: r.id, id: r.id }),
      );
    }
  }
}

/** Tickets whose next SLA milestone is due, oldest first; on PostgreSQL rows another process holds are skipped. */
export async function ticketsWithMilestoneDue(db: Db, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('next_milestone_at', '<=', now)
    .orderBy('next_milestone_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Resolved tickets whose auto-close instant has passed. */
export async function ticketsToAutoClose(db: Db, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('status', '=', 'resolved')
    .where('auto_close_at', '<=', now)
    .orderBy('auto_close_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Locks a ticket for the job if no other process holds it (PostgreSQL); SQLite runs one writer at a time. */
export async function lockTicketIfFree(db: Db, id: string): Promise<TicketRow | undefined> {
  if (dialectOf(db) !== 'postgres') return findTicket(db, id);
  return db.selectFrom('tickets').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
}

/** Records a milestone; false when it was already recorded (by this process or another). */
export async function recordMilestone(
  db: Db,
  row: { ticket_id: string; clock: string; milestone: string; client_id: string; fired_at: string; due_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('sla_milestones')
    .values(row)
    .onConflict((oc) => oc.columns(['ticket_id', 'clock', 'milestone']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** A wake-up instant still in the past after a pass (nothing was due yet, by rounding) moves to `until`. */
export async function postponeStaleMilestone(db: Db, id: string, now: string, until: string): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ next_milestone_at: until })
    .where('id', '=', id)
    .where('next_milestone_at', '<=', now)
    .execute();
}
