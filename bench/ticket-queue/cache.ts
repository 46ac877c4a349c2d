/**
 * Where ticket-queue's databases live between runs. Seeding a million tickets takes minutes, so the seeded store
 * is kept: a SQLite data directory under `$VIGIE_BENCH_CACHE` (default `~/.cache/vigie-bench/ticket-queue`) and a
 * PostgreSQL database `vigie_bench_ticket_queue`. It is reused while its seed key matches: a hash of the
 * migrations, the SLA storage, the domain package and this benchmark's seeding code, so that a change to any of
 * them seeds again. `--no-cache` uses a temporary store instead (removed at the end, like api-list).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { DbKind, Store } from '../api-list/store.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const CACHE_DIR = process.env.VIGIE_BENCH_CACHE ?? join(homedir(), '.cache', 'vigie-bench');
export const PG_DATABASE = 'vigie_bench_ticket_queue';

const KEYED = [
  'apps/server/src/db/migrations',
  'apps/server/src/db/schema.ts',
  'apps/server/src/modules/tickets/sla-storage.ts',
  'packages/domain/src',
  'bench/ticket-queue/plan.ts',
  'bench/ticket-queue/lifecycles.ts',
  'bench/ticket-queue/ticket-rows.ts',
  'bench/ticket-queue/seed.ts',
  'bench/ticket-queue/bulk.ts',
];

function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name.endsWith('.test.ts') ? [] : filesOf(join(path, name))));
}

/** The seed key: what the cached database was made from. */
export function seedKey(): string {
  const hash = createHash('sha256');
  for (const file of KEYED.flatMap((p) => filesOf(join(ROOT, p)))) {
    hash.update(file.slice(ROOT.length));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onAdmin(adminUrl: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

export interface PreparedStore {
  store: Store;
  /** Whether the store already existed (its marker still has to be checked). */
  existed: boolean;
  /** Empties the store for a new seed. */
  wipe(): Promise<void>;
  /** Removes a temporary store. */
  remove(): Promise<void>;
}

/** The cached (or, with `temporary`, a new) store of one database kind. */
export async function openStore(kind: DbKind, adminUrl: string | null, temporary: boolean): Promise<PreparedStore> {
  if (kind === 'sqlite') {
    const dir = temporary ? mkdtempSync(join(tmpdir(), 'vigie-bench-')) : join(CACHE_DIR, 'ticket-queue');
    const file = join(dir, 'vigie.sqlite');
    const existed = existsSync(file);
    mkdirSync(dir, { recursive: true });
    return {
      store: { kind, database: { kind: 'sqlite', file }, env: { VIGIE_DATA_DIR: dir } },
      existed,
      async wipe() {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
      },
      async remove() {
        if (temporary) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!adminUrl) throw new Error('no PostgreSQL URL');
  const name = temporary ? `vigie_bench_${randomBytes(5).toString('hex')}` : PG_DATABASE;
  let existed = false;
  await onAdmin(adminUrl, async (admin) => {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    existed = (found.rowCount ?? 0) > 0;
    if (!existed) await admin.query(`create database ${name}`);
  });
  // The server's data directory holds nothing on PostgreSQL; keep it out of the working copy.
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  const url = withDatabase(adminUrl, name);
  return {
    store: { kind, database: { kind: 'postgres', url }, env: { DATABASE_URL: url, VIGIE_DATA_DIR: dataDir } },
    existed,
    async wipe() {
      await onAdmin(adminUrl, async (admin) => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.query(`create database ${name}`);
      });
    },
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
      if (temporary) {
        await onAdmin(adminUrl, async (admin) => {
          await admin.query(`drop database if exists ${name} with (force)`);
        });
      }
    },
  };
}

/** Whether a PostgreSQL server answers at this URL (the default local one may not be running). */
export async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Size on disk of a store, in MB: the SQLite file and its WAL, or the PostgreSQL database and the tickets table. */
export async function sizeOf(store: Store): Promise<Record<string, number>> {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  if (store.database.kind === 'sqlite') {
    const file = store.database.file;
    const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
    return { dbMb: mb(statSync(file).size), walMb: mb(wal) };
  }
  const client = new pg.Client({ connectionString: store.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string; tickets: string; indexes: string }>(
      `select pg_database_size(current_database()) as db, pg_table_size('tickets') as tickets,
              pg_indexes_size('tickets') as indexes`,
    );
    const row = rows[0];
    return {
      dbMb: mb(Number(row?.db)),
      ticketsTableMb: mb(Number(row?.tickets)),
      ticketsIndexesMb: mb(Number(row?.indexes)),
    };
  } finally {
    await client.end();
  }
}
