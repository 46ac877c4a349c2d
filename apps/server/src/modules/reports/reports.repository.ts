/**
 * The SQL of the monthly SLA report: one client, one month, counted by the database (a client may have thousands of
 * tickets a month). Every ticket query is bounded by `(client_id, updated_at >= month start)`: a ticket opened, taken,
 * resolved or closed in the month was written at or after the month's first instant.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { type DialectName, dialectOf, fromJson } from '../../db/dialect.js';
import type { ContractRow } from '../../db/schema.js';

/** A month as the queries use it: UTC instants [from, to), each local day's start, the first and last local dates. */
export interface MonthRange {
  from: string;
  to: string;
  dayStarts: readonly string[];
  firstDay: string;
  lastDay: string;
}

/** A text field of a JSON column (`sla` → `tto.stoppedAt`), read the same way on both databases. */
function jsonText(dialect: DialectName, column: string, path: readonly string[]): RawBuilder<string | null> {
  return dialect === 'postgres'
    ? sql<string | null>`(${sql.ref(column)} #>> ${`{${path.join(',')}}`})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${path.join('.')}`})`;
}

/** A JSON boolean field that holds `true`. */
function jsonTrue(dialect: DialectName, column: string, path: readonly string[]): RawBuilder<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`(${sql.ref(column)} #>> ${`{${path.join(',')}}`}) = 'true'`
    : sql<SqlBool>`json_extract(${sql.ref(column)}, ${`$.${path.join('.')}`}) = 1`;
}

const count = (condition: RawBuilder<unknown>) =>
  sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

/** Opened, resolved, closed (duplicates merged away are not "closed" work) and out-of-scope tickets of the month. */
export async function ticketCounts(db: Db, clientId: string, m: MonthRange) {
  const inMonth = (column: string) => sql`${sql.ref(column)} >= ${m.from} and ${sql.ref(column)} < ${m.to}`;
  const row = await db
    .selectFrom('tickets')
    .select([
      count(inMonth('created_at')).as('opened'),
      count(sql`${inMonth('created_at')} and out_of_scope = 1`).as('out_of_scope'),
      count(inMonth('resolved_at')).as('resolved'),
      count(sql`${inMonth('closed_at')} and merged_into_id is null`).as('closed'),
    ])
    .where('client_id', '=', clientId)
    .where('updated_at', '>=', m.from)
    .executeTakeFirstOrThrow();
  return {
    opened: Number(row.opened),
    resolved: Number(row.resolved),
    closed: Number(row.closed),
    outOfScope: Number(row.out_of_scope),
  };
}

/**
 * Clocks met in the month, per priority: stopped in it within their budget, on tickets that were not merged away (a
 * duplicate's clocks stop at the merge, not by service), and never breached before (a breach is not undone by a later
 * retarget).
 */
export async function clocksMet(db: Db, clientId: string, m: MonthRange, clock: 'tto' | 'ttr') {
  const dialect = dialectOf(db);
  const stoppedAt = jsonText(dialect, 'tickets.sla', [clock, 'stoppedAt']);
  const rows = await db
    .selectFrom('tickets')
    .select(['priority', sql<number>`count(*)`.as('n')])
    .where('client_id', '=', clientId)
    .where('updated_at', '>=', m.from)
    .where('created_at', '<', m.to)
    .where('merged_into_id', 'is', null)
    .where(sql<SqlBool>`${stoppedAt} >= ${m.from} and ${stoppedAt} < ${m.to}`)
    .where(jsonTrue(dialect, 'tickets.sla', [clock, 'met']))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sla_milestones')
            .select('sla_milestones.ticket_id')
            .whereRef('sla_milestones.ticket_id', '=', 'tickets.id')
            .where('sla_milestones.clock', '=', clock)
            .where('sla_milestones.milestone', '=', 'breach'),
        ),
      ),
    )
    .groupBy('priority')
    .execute();
  return rows.map((r) => ({ priority: r.priority, count: Number(r.n) }));
}

/** TTO and TTR breaches recorded in the month, oldest first, with their tickets and the calendar they counted on. */
export async function breachesOf(db: Db, clientId: string, m: MonthRange) {
  return db
    .selectFrom('sla_milestones as m')
    .innerJoin('tickets as t', 't.id', 'm.ticket_id')
    .leftJoin('contracts as c', 'c.id', 't.contract_id')
    .select([
      'c.calendar',
      'c.sla_policy',
      'm.ticket_id',
      'm.clock',
      'm.due_at',
      'm.fired_at',
      't.number',
      't.title',
      't.priority',
    ])
    .where('m.client_id', '=', clientId)
    .where('m.fired_at', '>=', m.from)
    .where('m.fired_at', '<', m.to)
    .where('m.milestone', '=', 'breach')
    .where('m.clock', 'in', ['tto', 'ttr'])
    .orderBy('m.fired_at')
    .orderBy('t.number')
    .execute();
}

/** Tickets opened in the month, counted per value of one column. */
export async function openedBy(db: Db, clientId: string, m: MonthRange, column: 'priority' | 'support_level') {
  const rows = await db
    .selectFrom('tickets')
    .select([sql.ref<string | number>(column).as('value'), sql<number>`count(*)`.as('n')])
    .where('client_id', '=', clientId)
    .where('updated_at', '>=', m.from)
    .where('created_at', '>=', m.from)
    .where('created_at', '<', m.to)
    .groupBy(column)
    .execute();
  return rows.map((r) => ({ value: r.value, count: Number(r.n) }));
}

/** Tickets opened in the month per category (null: none), with the category's name. */
export async function openedByCategory(db: Db, clientId: string, m: MonthRange) {
  const rows = await db
    .selectFrom('tickets as t')
    .leftJoin('ticket_categories as c', 'c.id', 't.category_id')
    .select(['t.category_id', 'c.name', sql<number>`count(*)`.as('n')])
    .where('t.client_id', '=', clientId)
    .where('t.updated_at', '>=', m.from)
    .where('t.created_at', '>=', m.from)
    .where('t.created_at', '<', m.to)
    .groupBy(['t.category_id', 'c.name'])
    .execute();
  return rows.map((r) => ({ categoryId: r.category_id, name: r.name, count: Number(r.n) }));
}

/**
 * Tickets opened and resolved per local day, counted by the database: each instant is placed in its day by a CASE
 * over the days' starts (exact in every zone, daylight saving included). Index i is the i-th day of the month.
 */
export async function perDay(db: Db, clientId: string, m: MonthRange, column: 'created_at' | 'resolved_at') {
  const starts = m.dayStarts.slice(1);
  const whens = starts.map((start, i) => sql`when ${sql.ref(column)} < ${start} then ${sql.lit(i)}`);
  const day = sql<number>`case ${sql.join(whens, sql` `)} end`;
  const rows = await db
    .selectFrom('tickets')
    .select([day.as('day'), sql<number>`count(*)`.as('n')])
    .where('client_id', '=', clientId)
    .where('updated_at', '>=', m.from)
    .where(column, '>=', m.from)
    .where(column, '<', m.to)
    .groupBy(sql.ref('day'))
    .execute();
  return rows.map((r) => ({ day: Number(r.day), count: Number(r.n) }));
}

/** Escalation events of the month by kind (functional, hierarchical) and target level, and the tickets concerned. */
export async function escalationsOf(db: Db, clientId: string, m: MonthRange) {
  const dialect = dialectOf(db);
  const kind = jsonText(dialect, 'ticket_events.data', ['kind']);
  const to = jsonText(dialect, 'ticket_events.data', ['to']);
  const base = db
    .selectFrom('ticket_events')
    .where('client_id', '=', clientId)
    .where('kind', '=', 'escalation')
    .where('at', '>=', m.from)
    .where('at', '<', m.to);
  const rows = await base
    .select([kind.as('escalation'), to.as('to_level'), sql<number>`count(*)`.as('n')])
    .groupBy([sql.ref('escalation'), sql.ref('to_level')])
    .execute();
  const tickets = await base.select(sql<number>`count(distinct ticket_id)`.as('n')).executeTakeFirstOrThrow();
  return {
    rows: rows.map((r) => ({
      kind: r.escalation,
      toLevel: r.to_level === null ? null : Number(r.to_level),
      count: Number(r.n),
    })),
    tickets: Number(tickets.n),
  };
}

/** Ratings given in the month (a ticket may be rated again: the caller keeps each ticket's latest). */
export async function ratingsOf(db: Db, clientId: string, m: MonthRange) {
  const rows = await db
    .selectFrom('ticket_events')
    .select(['ticket_id', 'at', 'data'])
    .where('client_id', '=', clientId)
    .where('kind', '=', 'rating')
    .where('at', '>=', m.from)
    .where('at', '<', m.to)
    .execute();
  return rows.map((r) => ({
    ticketId: r.ticket_id,
    at: r.at,
    rating: Number(fromJson<{ rating: unknown }>(r.data).rating),
  }));
}

/** Minutes logged on the month's dates, per contract and billable or covered. */
export async function minutesLogged(db: Db, clientId: string, m: MonthRange) {
  const rows = await db
    .selectFrom('time_entries')
    .select(['contract_id', 'billable', sql<number>`sum(minutes)`.as('minutes')])
    .where('client_id', '=', clientId)
    .where('work_date', '>=', m.firstDay)
    .where('work_date', '<=', m.lastDay)
    .groupBy(['contract_id', 'billable'])
    .execute();
  return rows.map((r) => ({ contractId: r.contract_id, billable: r.billable === 1, minutes: Number(r.minutes) }));
}

/** Contracts with an hour bank that ran during some of the month (drafts never ran). */
export async function bankedContracts(db: Db, clientId: string, m: MonthRange): Promise<ContractRow[]> {
  return db
    .selectFrom('contracts')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('hour_bank', 'is not', null)
    .where('status', '!=', 'draft')
    .where('starts_on', '<=', m.lastDay)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', m.firstDay)]))
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
}

/** The client's main contract on a date (the oldest in force), whose calendar says which days are business days. */
export async function mainContractOn(db: Db, clientId: string, date: string) {
  return db
    .selectFrom('contracts')
    .select(['id', 'calendar'])
    .where('client_id', '=', clientId)
    .where('status', '=', 'active')
    .where('starts_on', '<=', date)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', date)]))
    .orderBy('starts_on')
    .orderBy('id')
    .executeTakeFirst();
}

export async function clientForReport(db: Db, clientId: string) {
  return db
    .selectFrom('clients')
    .select(['id', 'name', 'time_zone', 'locale', 'created_at'])
    .where('id', '=', clientId)
    .executeTakeFirst();
}

/** Whom the report is mailed to: the client's active client managers. */
export async function reportRecipients(db: Db, clientId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('client_id', '=', clientId)
    .where('role', '=', 'client_manager')
    .where('active', '=', 1)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function userLocale(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return row?.locale ?? null;
}

export async function reportSentAt(db: Db, clientId: string, month: string): Promise<string | null> {
  const row = await db
    .selectFrom('report_sends')
    .select('sent_at')
    .where('client_id', '=', clientId)
    .where('month', '=', month)
    .executeTakeFirst();
  return row?.sent_at ?? null;
}

/**
 * Claims the scheduled send of a month: true for the one transaction whose insert took the (client, month) key. On
 * PostgreSQL a concurrent claimant waits for the first to commit, then finds the key taken.
 */
export async function claimReportSend(db: Db, clientId: string, month: string, at: string): Promise<boolean> {
  const rows = await db
    .insertInto('report_sends')
    .values({ client_id: clientId, month, mail_id: null, sent_at: at })
    .onConflict((oc) => oc.columns(['client_id', 'month']).doNothing())
    .returning('client_id')
    .execute();
  return rows.length === 1;
}

/** A send by hand: recorded as the month's send (so the schedule does not send it again), or as its latest one. */
export async function recordReportSend(db: Db, clientId: string, month: string, mailId: string | null, at: string) {
  await db
    .insertInto('report_sends')
    .values({ client_id: clientId, month, mail_id: mailId, sent_at: at })
    .onConflict((oc) => oc.columns(['client_id', 'month']).doUpdateSet({ mail_id: mailId, sent_at: at }))
    .execute();
}

export async function setReportMail(db: Db, clientId: string, month: string, mailId: string): Promise<void> {
  await db
    .updateTable('report_sends')
    .set({ mail_id: mailId })
    .where('client_id', '=', clientId)
    .where('month', '=', month)
    .execute();
}

/** Clients the schedule may owe a report: active, with an active client manager. */
export async function clientsWithManagers(db: Db) {
  return db
    .selectFrom('clients as c')
    .select(['c.id', 'c.time_zone', 'c.created_at'])
    .where('c.active', '=', 1)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('users as u')
          .select('u.id')
          .whereRef('u.client_id', '=', 'c.id')
          .where('u.role', '=', 'client_manager')
          .where('u.active', '=', 1),
      ),
    )
    .orderBy('c.id')
    .execute();
}

/** The sends already recorded for some months, as `clientId|month` keys. */
export async function sendsOfMonths(db: Db, months: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('report_sends')
    .select(['client_id', 'month'])
    .where('month', 'in', [...months])
    .execute();
  return new Set(rows.map((r) => `${r.client_id}|${r.month}`));
}
