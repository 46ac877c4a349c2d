import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
// Instants travel as ISO strings on both databases; counts as numbers.
pg.types.setTypeParser(TIMESTAMPTZ_OID, isoFromPostgres);
pg.types.setTypeParser(INT8_OID, (value) => Number(value));

const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * PostgreSQL's text form of a UTC instant ("2026-03-02 09:00:00.12+00", sessions run in UTC) to ISO 8601 with
 * milliseconds, by string work: lists read hundreds of instants and `new Date()` dominated their parsing.
 */
export function isoFromPostgres(value: string): string {
  const match = UTC_TIMESTAMP.exec(value);
  if (!match) return new Date(value).toISOString();
  return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

/** Opens the database the configuration names: the embedded SQLite file (WAL) or PostgreSQL. */
export function openDatabase(database: Config['database'], options: { poolSize?: number } = {}): Db {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: options.poolSize ?? 10,
      options: '-c TimeZone=UTC',
    });
    // A dropped connection must not crash the process: the query in flight fails, the next one reconnects.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/**
 * Kysely prepares every statement afresh; better-sqlite3 statements can be reused, and compiling one costs as much
 * as running a small indexed query. The same query shapes repeat all day, so keep the compiled ones.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= 500) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}
