import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../src/config.js';
import type { DialectName } from '../src/db/dialect.js';

/** Dialects every database test runs on: SQLite always, PostgreSQL when VIGIE_TEST_PG_URL is set (CI sets it). */
export const DIALECTS: DialectName[] = process.env.VIGIE_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  database: Config['database'];
  drop(): Promise<void>;
}

/** A brand-new empty database: a SQLite file in a temporary directory, or a fresh PostgreSQL database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-test-'));
    return {
      database: { kind: 'sqlite', file: join(dir, 'vigie.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.VIGIE_TEST_PG_URL as string;
  const name = `vigie_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', url: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
