/**
 * The queue query as the server sends it, and its plan: the ticket service's own `list` runs on a Kysely that
 * records the SQL and parameters, then the same statement goes through EXPLAIN QUERY PLAN (SQLite) or
 * EXPLAIN (ANALYZE, BUFFERS) (PostgreSQL), and is timed alone (median of repeated runs, no HTTP).
 */
import { TicketListQuery } from '@vigie/contracts';
import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Actor } from '../../apps/server/src/core/actor.js';
import { systemClock } from '../../apps/server/src/core/clock.js';
// Importing the connection module sets the pg parsers the server uses (instants as ISO strings).
import '../../apps/server/src/db/connection.js';
import type { Database } from '../../apps/server/src/db/schema.js';
import { buildServices } from '../../apps/server/src/http/services.js';
import type { Store } from '../api-list/store.js';

export interface QueueQuery {
  technician: Actor;
  teamId: string;
  status: string;
  cursor: string | null;
}

export interface Explained {
  sql: string;
  plan: string[];
  /** Median time of the statement alone, in ms. */
  queryMs: number;
  rows: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The statements `tickets.list` sends for a queue request, in order. */
async function capture(db: Kysely<Database>, queries: CompiledQuery[], q: QueueQuery): Promise<CompiledQuery> {
  queries.length = 0;
  const services = buildServices(db, systemClock, { sessionHours: 12, maxFailures: 5, lockMinutes: 15 });
  const query = TicketListQuery.parse({
    queue: 'open',
    teamId: q.teamId,
    status: q.status,
    sort: 'due',
    limit: '50',
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  await services.tickets.list({ actor: q.technician, requestId: null }, query);
  const list = queries.find((c) => /from "tickets"/.test(c.sql));
  if (!list) throw new Error('the ticket list sent no query on tickets');
  return list;
}

/**
 * The plan of each request's statement and, `repeat` times run alone, its median time; `analyze: false` plans
 * without running (PostgreSQL), for the access paths of many queues.
 */
export async function explainQueue(
  store: Store,
  requests: QueueQuery[],
  { repeat = 30, analyze = true }: { repeat?: number; analyze?: boolean } = {},
): Promise<Explained[]> {
  const queries: CompiledQuery[] = [];
  const log = (event: { level: string; query: CompiledQuery }) => {
    if (event.level === 'query') queries.push(event.query);
  };
  const out: Explained[] = [];
  if (store.database.kind === 'sqlite') {
    const sqlite = new SQLite(store.database.file, { readonly: true });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
    try {
      for (const request of requests) {
        const { sql, parameters } = await capture(db, queries, request);
        const plan = sqlite.prepare(`explain query plan ${sql}`).all(...parameters) as {
          id: number;
          parent: number;
          detail: string;
        }[];
        const depth = new Map<number, number>([[0, 0]]);
        const lines = plan.map((row) => {
          const d = (depth.get(row.parent) ?? 0) + 1;
          depth.set(row.id, d);
          return `${'  '.repeat(d - 1)}${row.detail}`;
        });
        const statement = sqlite.prepare(sql);
        const times: number[] = [];
        let rows = 0;
        for (let i = 0; i < repeat; i++) {
          const started = performance.now();
          rows = statement.all(...parameters).length;
          times.push(performance.now() - started);
        }
        out.push({ sql, plan: lines, queryMs: times.length > 0 ? median(times) : Number.NaN, rows });
      }
    } finally {
      await db.destroy();
    }
    return out;
  }
  const pool = new pg.Pool({ connectionString: store.database.url, max: 1, options: '-c TimeZone=UTC' });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  try {
    for (const request of requests) {
      const { sql, parameters } = await capture(db, queries, request);
      const client = await pool.connect();
      try {
        const explained = await client.query<{ 'QUERY PLAN': string }>(
          `explain ${analyze ? '(analyze, buffers) ' : ''}${sql}`,
          parameters as unknown[],
        );
        const times: number[] = [];
        let rows = 0;
        for (let i = 0; i < repeat; i++) {
          const started = performance.now();
          rows = (await client.query(sql, parameters as unknown[])).rowCount ?? 0;
          times.push(performance.now() - started);
        }
        out.push({
          sql,
          plan: explained.rows.map((r) => r['QUERY PLAN']),
          queryMs: times.length > 0 ? median(times) : Number.NaN,
          rows,
        });
      } finally {
        client.release();
      }
    }
  } finally {
    await db.destroy();
  }
  return out;
}

/**
 * How a plan reaches the tickets: its index or scan lines on `tickets`, without their conditions. On PostgreSQL an
 * `Index Scan` reads the queue in order and stops at the page's end; a `Bitmap Index Scan` reads the whole queue,
 * then sorts it.
 */
export function accessPath(plan: readonly string[]): string {
  const steps = plan
    .map((line) => line.trim())
    .map(
      (line) =>
        /^SEARCH tickets USING (?:COVERING )?INDEX \w+/.exec(line)?.[0] ??
        /^SCAN tickets\b.*/.exec(line)?.[0] ??
        /(?:Bitmap Index Scan on \w+|Index (?:Only )?Scan(?: Backward)? using \w+ on tickets|Seq Scan on tickets)/.exec(
          line,
        )?.[0],
    )
    .filter((step): step is string => step !== undefined);
  return steps.join(' → ') || '?';
}
