/**
 * Bulk writes for seeding, below Kysely: a prepared statement run in a loop inside one transaction on SQLite,
 * `insert … select * from unnest($1::text[], $2::int4[], …)` on PostgreSQL (one array per column, a few thousand
 * rows a statement; COPY is not available through the drivers the server uses). Plus dropping a table's secondary
 * indexes before a load and creating them again after, from their own definitions.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../../apps/server/src/config.js';

/** A row as column → value; interfaces such as `TicketRow` qualify (`object`, read by key). */
export type Row = object;

export interface BulkWriter {
  insert(table: string, rows: readonly Row[]): Promise<void>;
  /** Runs SQL without results (one statement on PostgreSQL; several allowed on SQLite). */
  exec(statement: string): Promise<void>;
  query<T>(statement: string, parameters?: readonly unknown[]): Promise<T[]>;
  /** Drops the indexes of `table` that no constraint owns; returns their definitions to create them again. */
  dropIndexes(table: string): Promise<string[]>;
  close(): Promise<void>;
}

export function openBulkWriter(database: Config['database']): Promise<BulkWriter> {
  return database.kind === 'postgres' ? postgresWriter(database.url) : Promise.resolve(sqliteWriter(database.file));
}

function sqliteWriter(file: string): BulkWriter {
  const db = new SQLite(file);
  // Seeding writes a new file: no journal, no fsync, a large page cache for the index builds; WAL is put back
  // (what the server uses) when done. A seed interrupted half-way leaves no valid cache marker and is redone.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const statements = new Map<string, SQLite.Statement>();
  return {
    async insert(table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      const key = `${table}(${columns.join(',')})`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(
          `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
        );
        statements.set(key, statement);
      }
      const run = statement;
      db.transaction(() => {
        const values: unknown[] = new Array(columns.length);
        for (const row of rows) {
          for (let i = 0; i < columns.length; i++) values[i] = (row as Record<string, unknown>)[columns[i] as string];
          run.run(values);
        }
      })();
    },
    async exec(statement) {
      db.exec(statement);
    },
    async query<T>(statement: string, parameters: readonly unknown[] = []) {
      return db.prepare(statement).all(...parameters) as T[];
    },
    async dropIndexes(table) {
      const indexes = db
        .prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null")
        .all(table) as { name: string; sql: string }[];
      for (const index of indexes) db.exec(`drop index "${index.name}"`);
      return indexes.map((index) => index.sql);
    },
    async close() {
      db.pragma('journal_mode = WAL');
      db.close();
    },
  };
}

async function postgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
  await client.connect();
  await client.query('set synchronous_commit = off');
  await client.query("set maintenance_work_mem = '512MB'");
  // Foreign keys are right by construction; skipping their triggers (a superuser's privilege) halves the load.
  await client.query('set session_replication_role = replica').catch(() => undefined);
  const types = new Map<string, Map<string, string>>();
  async function typesOf(table: string): Promise<Map<string, string>> {
    let map = types.get(table);
    if (!map) {
      const result = await client.query<{ column_name: string; udt_name: string }>(
        'select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = $1',
        [table],
      );
      map = new Map(result.rows.map((r) => [r.column_name, r.udt_name]));
      types.set(table, map);
    }
    return map;
  }
  return {
    async insert(table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      const udt = await typesOf(table);
      const arrays = columns.map((column) => rows.map((row) => (row as Record<string, unknown>)[column] ?? null));
      const casts = columns.map((column, i) => `$${i + 1}::${udt.get(column) ?? 'text'}[]`);
      await client.query(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${casts.join(', ')})`,
        arrays,
      );
    },
    async exec(statement) {
      await client.query(statement);
    },
    async query<T>(statement: string, parameters: readonly unknown[] = []) {
      return (await client.query(statement, [...parameters])).rows as T[];
    },
    async dropIndexes(table) {
      const result = await client.query<{ indexname: string; indexdef: string }>(
        `select indexname, indexdef from pg_indexes
          where schemaname = current_schema() and tablename = $1
            and indexname not in (select conname from pg_constraint where conrelid = $1::regclass)`,
        [table],
      );
      for (const index of result.rows) await client.query(`drop index "${index.indexname}"`);
      return result.rows.map((index) => index.indexdef);
    },
    async close() {
      await client.end();
    },
  };
}
