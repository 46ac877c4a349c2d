/**
 * checks-storage: bytes stored per check result after rollups, and the speed of recording metric samples, on SQLite
 * and PostgreSQL. Simulates C server checks giving one result a minute (one `check.latency_ms[<check>]` sample each,
 * plus a few state changes a day in `check_changes`) over D days on a hand-driven clock, running the rollup job
 * (5-minute and hourly rollups, retention) as simulated time passes, then lets the raw samples age out.
 * Goal ≤ 20 bytes per result after rollups.
 *
 *   node --import tsx bench/checks/storage.ts [--pg URL] [--only sqlite|postgres] [--checks 200] [--days 3]
 *        [--changes-per-day 2]
 *
 * One JSON line per figure on stdout; progress on stderr. See bench/README.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { systemCtx } from '../../apps/server/src/core/actor.js';
import { ManualClock } from '../../apps/server/src/core/clock.js';
import { type Db, openDatabase } from '../../apps/server/src/db/connection.js';
import { migrateToLatest } from '../../apps/server/src/db/migrate.js';
import { buildServices, type Services } from '../../apps/server/src/http/services.js';
import type { MetricRecord } from '../../apps/server/src/modules/monitoring/metrics/metric.service.js';
import { MetricRollupJob } from '../../apps/server/src/modules/monitoring/metrics/metric-rollup-job.js';
import { checkSeriesName } from '../../apps/server/src/modules/monitoring/metrics/series-name.js';

const GOAL_BYTES = 20;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T00:00:00Z');
const METRIC_TABLES = ['metric_series', 'metric_samples', 'metric_rollups', 'check_changes'] as const;
const AUTH = { sessionHours: 12, maxFailures: 5, lockMinutes: 15 };

const { values: args } = parseArgs({
  options: {
    pg: { type: 'string' },
    only: { type: 'string' },
    checks: { type: 'string', default: '200' },
    days: { type: 'string', default: '3' },
    'changes-per-day': { type: 'string', default: '2' },
  },
});
const checkCount = Math.max(1, Number(args.checks));
const days = Math.max(1, Number(args.days));
const changesPerDay = Math.max(0, Number(args['changes-per-day']));

const log = (message: string) => process.stderr.write(`[checks-storage] ${message}\n`);
const emit = (figure: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ bench: 'checks-storage', ...figure })}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Store {
  kind: 'sqlite' | 'postgres';
  db: Db;
  drop: () => Promise<void>;
}

async function sqliteStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-checks-'));
  const db = openDatabase({ kind: 'sqlite', file: join(dir, 'vigie.sqlite') });
  return {
    kind: 'sqlite',
    db,
    drop: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresStore(url: string): Promise<Store> {
  const name = `vigie_bench_checks_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = openDatabase({ kind: 'postgres', url: target.toString() });
  return {
    kind: 'postgres',
    db,
    drop: async () => {
      await db.destroy();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Bytes the metric tables and their indexes hold: on SQLite the bytes used in their pages (dbstat), not the free
 * space later rows reuse; on PostgreSQL the relations' size.
 */
async function storedBytes(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  if (store.kind === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
    const rows = await sql<{ tbl_name: string; bytes: number }>`select m.tbl_name, sum(d.pgsize - d.unused) as bytes
      from dbstat d join sqlite_schema m on m.name = d.name group by m.tbl_name`.execute(store.db);
    for (const row of rows.rows)
      if ((METRIC_TABLES as readonly string[]).includes(row.tbl_name)) out[row.tbl_name] = row.bytes;
  } else {
    for (const table of METRIC_TABLES) {
      const row = await sql<{ bytes: string }>`select pg_total_relation_size(${table}::regclass) as bytes`.execute(
        store.db,
      );
      out[table] = Number(row.rows[0]?.bytes ?? 0);
    }
  }
  return out;
}
const total = (bytes: Record<string, number>) => Object.values(bytes).reduce((a, b) => a + b, 0);

/** What autovacuum would do on a real server between two looks (the simulation runs days in minutes). */
async function vacuum(store: Store, full = false): Promise<void> {
  if (store.kind !== 'postgres') return;
  for (const table of METRIC_TABLES) await sql.raw(`vacuum ${full ? 'full ' : ''}${table}`).execute(store.db);
}

async function seed(store: Store, services: Services, clock: ManualClock) {
  await migrateToLatest(store.db);
  const client = await services.clients.create(systemCtx, {
    code: 'BENCH',
    name: 'Bench',
    legalName: 'Bench SAS',
    timeZone: 'Europe/Paris',
    locale: 'fr',
    address: {},
    mailDomains: [],
    active: true,
  } as never);
  const checks: { id: string; assetId: string }[] = [];
  const assets: string[] = [];
  for (let i = 0; i < Math.ceil(checkCount / 10); i++) {
    const asset = await services.assets.create(systemCtx, {
      clientId: client.id,
      siteId: null,
      name: `target-${i}`,
      type: 'server',
      criticality: 2,
      status: 'in_service',
      ownerContactId: null,
      vendorId: null,
      attributes: {},
    } as never);
    assets.push(asset.id);
  }
  const at = clock.now().toISOString();
  for (let i = 0; i < checkCount; i++) {
    const id = randomUUID();
    const assetId = assets[Math.floor(i / 10)] as string;
    checks.push({ id, assetId });
    await store.db
      .insertInto('checks')
      .values({
        id,
        client_id: client.id,
        asset_id: assetId,
        agent_id: null,
        kind: 'http',
        name: `http ${i}`,
        config: JSON.stringify({ url: `http://127.0.0.1/${i}` }),
        interval_seconds: 60,
        timeout_ms: 5000,
        max_attempts: 3,
        status: 'ok',
        state_since: at,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
  }
  return { clientId: client.id, checks };
}

async function run(store: Store): Promise<void> {
  const clock = new ManualClock(new Date(START));
  const services = buildServices(store.db, clock, AUTH);
  const metrics = services.monitoring.metrics;
  const { clientId, checks } = await seed(store, services, clock);
  const job = new MetricRollupJob(store.db, clock);
  const baseline = await storedBytes(store);
  const minutes = days * 24 * 60;
  const changeEvery = changesPerDay > 0 ? Math.round((24 * 60) / changesPerDay) : 0;
  let results = 0;
  let changes = 0;
  let recordMs = 0;
  const simStarted = performance.now();
  for (let minute = 0; minute < minutes; minute++) {
    const now = START + minute * MINUTE;
    clock.set(new Date(now + 2_000));
    const rows: MetricRecord[] = checks.map((check) => ({
      clientId,
      assetId: check.assetId,
      name: checkSeriesName(check.id, 'latency_ms'),
      unit: 'ms',
      at: now,
      value: 5 + Math.random() * 40,
    }));
    const started = performance.now();
    await store.db.transaction().execute((trx) => metrics.record(trx, rows));
    recordMs += performance.now() - started;
    results += rows.length;
    if (changeEvery && minute % changeEvery === 0 && minute > 0) {
      const at = new Date(now).toISOString();
      await store.db
        .insertInto('check_changes')
        .values(
          checks.map((check, i) => ({
            id: randomUUID(),
            check_id: check.id,
            asset_id: check.assetId,
            at,
            status: i % 2 ? 'ok' : 'warning',
            hard: 1,
            output: 'HTTP 200 OK in 23 ms',
          })),
        )
        .execute();
      changes += checks.length;
    }
    if (minute % 5 === 4) await job.tick();
    if (minute % 60 === 59) await vacuum(store);
    if (minute % (24 * 60) === 24 * 60 - 1) log(`${store.kind}: day ${(minute + 1) / 1440} simulated`);
  }
  emit({
    db: store.kind,
    figure: 'record',
    batchRows: checks.length,
    rowsPerSecond: Math.round(results / (recordMs / 1000)),
    simulatedSeconds: round((performance.now() - simStarted) / 1000),
    loadAvg1: round(loadavg()[0] ?? 0, 2),
  });

  await vacuum(store);
  const atEnd = await storedBytes(store);
  emit({
    db: store.kind,
    figure: 'bytes-with-raw-window',
    days,
    results,
    checkChanges: changes,
    bytes: total(atEnd) - total(baseline),
    bytesPerResult: round((total(atEnd) - total(baseline)) / results),
    tables: atEnd,
    note: `the last 48 h still raw (${Math.min(days, 2)} of ${days} days)`,
  });

  // No more results: let the raw samples pass their 48 h and be deleted, as they will be on a running server.
  for (let hour = 1; hour <= 49; hour++) {
    clock.set(new Date(START + days * DAY + hour * HOUR));
    await job.tick();
  }
  await vacuum(store, true);
  const after = await storedBytes(store);
  const bytes = total(after) - total(baseline);
  emit({
    db: store.kind,
    figure: 'bytes-after-rollups',
    days,
    results,
    checkChanges: changes,
    bytes,
    bytesPerResult: round(bytes / results),
    goal: GOAL_BYTES,
    met: bytes / results <= GOAL_BYTES,
    tables: after,
    note: 'raw samples deleted; 5-minute and hourly rollups, series and state changes kept',
  });

  // Agent-sized batches: 1,000 rows of 50 series each, 100 transactions.
  const assetId = checks[0]?.assetId as string;
  const batches = 100;
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    const at = clock.now().getTime() + b * MINUTE;
    const rows: MetricRecord[] = Array.from({ length: 1000 }, (_, i) => ({
      clientId,
      assetId,
      name: `bench.metric[${i % 50}]`,
      at: at - i,
      value: i,
    }));
    await store.db.transaction().execute((trx) => metrics.record(trx, rows));
  }
  emit({
    db: store.kind,
    figure: 'record',
    batchRows: 1000,
    rowsPerSecond: Math.round((batches * 1000) / ((performance.now() - started) / 1000)),
    loadAvg1: round(loadavg()[0] ?? 0, 2),
  });
}

async function main(): Promise<void> {
  const pgUrl = args.pg ?? process.env.VIGIE_TEST_PG_URL;
  const kinds = args.only ? [args.only] : pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const kind of kinds) {
    const store =
      kind === 'postgres'
        ? await postgresStore(pgUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres')
        : await sqliteStore();
    const stop = () => {
      void store.drop().finally(() => process.exit(130));
    };
    process.once('SIGINT', stop);
    try {
      log(`${kind}: ${checkCount} checks × 1 result/min × ${days} days`);
      await run(store);
    } finally {
      process.off('SIGINT', stop);
      await store.drop();
    }
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
