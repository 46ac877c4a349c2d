/**
 * ticket-queue: latency of a technician's queue — open tickets of a team in one status, nearest deadline first,
 * 50 rows — over a real socket, on 1,000,000 tickets of 1,000 clients, against the real server started as a child
 * process, on SQLite and on PostgreSQL. Goal: p99 ≤ 50 ms.
 *
 *   node --import tsx bench/ticket-queue/run.ts [--pg URL] [--only sqlite|postgres] [--connections 4,16]
 *        [--duration 15] [--warmup 3] [--runs 3] [--next-share 0.2] [--verify-every 20]
 *        [--fresh] [--keep-seed] [--no-cache] [--cpu-prof DIR] [--server-dir DIR]
 *
 * One JSON line per figure on stdout; progress on stderr. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Actor } from '../../apps/server/src/core/actor.js';
import { openDatabase } from '../../apps/server/src/db/connection.js';
import type { DbKind } from '../api-list/store.js';
import { openStore, reachable, seedKey, sizeOf } from './cache.js';
import { accessPath, explainQueue, type QueueQuery } from './explain.js';
import { load, measuredRun, type RunFigures, summarise } from './load.js';
import { basePlan, CLIENTS_PER_TEAM, OPEN_TICKETS, TICKETS } from './plan.js';
import { PAGE, requestMix, walkQueues } from './queues.js';
import { type Marker, readMarker, refreshOpenTickets, seed } from './seed.js';
import { memoryOf, startServer } from './server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const GOAL_P99_MS = 50;

const { values: args } = parseArgs({
  options: {
    pg: { type: 'string' },
    only: { type: 'string' },
    connections: { type: 'string', default: '4,16' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    runs: { type: 'string', default: '3' },
    'next-share': { type: 'string', default: '0.2' },
    'verify-every': { type: 'string', default: '20' },
    fresh: { type: 'boolean', default: false },
    'keep-seed': { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'server-dir': { type: 'string' },
  },
});

const connectionCounts = (args.connections ?? '4,16')
  .split(',')
  .map((c) => Number(c.trim()))
  .filter((c) => Number.isInteger(c) && c > 0);
const durationSec = Number(args.duration);
const warmupSec = Number(args.warmup);
const runCount = Math.max(1, Number(args.runs));
const nextShare = Math.min(0.9, Math.max(0, Number(args['next-share'])));
const verifyEvery = Math.max(1, Number(args['verify-every']));
const cpuProfDir = args['cpu-prof'] ? resolve(args['cpu-prof']) : null;
// Another checkout (a git worktree of another commit) whose server to start, for before/after comparisons on the
// same seeded database (with --keep-seed when that checkout seeds differently).
const serverDir = args['server-dir'] ? resolve(args['server-dir']) : ROOT;

function log(message: string): void {
  process.stderr.write(`[ticket-queue] ${message}\n`);
}

function emit(figure: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ bench: 'ticket-queue', ...figure })}\n`);
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function gitState(dir: string): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'apps/server', 'packages'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return { commit: null, dirty: null };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Clean-up that runs on success, failure and Ctrl-C

const cleanups: (() => Promise<void> | void)[] = [];

async function runCleanups(downTo = 0): Promise<void> {
  while (cleanups.length > downTo) {
    try {
      await cleanups.pop()?.();
    } catch (error) {
      log(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log(`${signal}: cleaning up`);
    void runCleanups().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------

const plan = basePlan();

/** Open tickets per team and status, as the database has them: what walking each queue must find. */
async function openCounts(database: Parameters<typeof openDatabase>[0]): Promise<Map<string, number>> {
  const db = openDatabase(database);
  try {
    const { rows } = await sql<{ team_id: string; status: string; n: number | string }>`
      select team_id, status, count(*) as n from tickets where is_open = 1 and team_id is not null
      group by team_id, status`.execute(db);
    return new Map(rows.map((r) => [`${r.team_id}:${r.status}`, Number(r.n)]));
  } finally {
    await db.destroy();
  }
}

function technicianActor(index: number): Actor {
  const t = plan.technicians[index];
  if (!t) throw new Error(`no technician ${index}`);
  return {
    userId: t.id,
    name: t.name,
    role: 'technician',
    clientId: null,
    teamClientIds: t.teams.flatMap((team) =>
      plan.clientIds.slice(team * CLIENTS_PER_TEAM, (team + 1) * CLIENTS_PER_TEAM),
    ),
    scopes: null,
  };
}

async function prepare(
  kind: DbKind,
  pgUrl: string | null,
): Promise<{ store: Awaited<ReturnType<typeof openStore>>['store'] }> {
  const prepared = await openStore(kind, pgUrl, args['no-cache'] ?? false);
  cleanups.push(() => prepared.remove());
  const { store } = prepared;
  const key = seedKey();
  let marker: Marker | null = prepared.existed && !args.fresh ? await readMarker(store) : null;
  if (marker && marker.key !== key) {
    if (args['keep-seed']) {
      log(`${kind}: cached database has seed key ${marker.key}, the code ${key}: kept (--keep-seed)`);
    } else {
      log(`${kind}: cached database has seed key ${marker.key}, the code ${key}: seeding again`);
      marker = null;
    }
  }
  let refreshMs: number | null = null;
  if (marker) {
    log(`${kind}: reusing the database seeded ${marker.seededAt}; rewriting its ${OPEN_TICKETS} open tickets`);
    refreshMs = await refreshOpenTickets(store, plan);
  } else {
    if (prepared.existed) await prepared.wipe();
    log(`${kind}: seeding ${TICKETS.toLocaleString('en')} tickets (${OPEN_TICKETS.toLocaleString('en')} open)`);
    marker = await seed(store, plan, key, log);
    log(`${kind}: seeded in ${(marker.seedMs / 1000).toFixed(1)} s`);
  }
  emit({
    db: kind,
    figure: 'seed',
    reused: refreshMs !== null,
    seedKey: key,
    seededAt: marker.seededAt,
    seedMs: marker.seedMs,
    ticketsMs: marker.ticketsMs,
    ticketsPerSec: Math.round((TICKETS * 1000) / marker.ticketsMs),
    indexMs: marker.indexMs,
    refreshMs: refreshMs === null ? null : Math.round(refreshMs),
    tickets: TICKETS,
    openTickets: OPEN_TICKETS,
    ...(await sizeOf(store)),
  });
  return { store };
}

async function benchDatabase(kind: DbKind, pgUrl: string | null): Promise<void> {
  const mark = cleanups.length;
  try {
    const { store } = await prepare(kind, pgUrl);
    const expected = await openCounts(store.database);
    const server = await startServer(store, { cpuProfDir, serverDir });
    cleanups.push(() => server.stop());
    log(`${kind}: server pid ${server.pid} ready in ${Math.round(server.startupMs)} ms at ${server.baseUrl}`);
    emit({ db: kind, figure: 'startup', ms: Math.round(server.startupMs), rssAtReadyMb: memoryOf(server.pid).rssMb });

    const walkStarted = performance.now();
    const queues = await walkQueues(server.baseUrl, plan, expected);
    emit({
      db: kind,
      figure: 'queues-checked',
      queues: queues.first.length,
      pages: queues.pages,
      rows: queues.rows,
      ms: Math.round(performance.now() - walkStarted),
    });
    log(
      `${kind}: ${queues.first.length} queues walked to the end (${queues.pages} pages, ${queues.rows} rows): all correct`,
    );

    // The plans of the largest team's in-progress queue (team 1 serves the clients with the most tickets), first
    // and next page, and of a middle-sized queue; then the access path of every queue's first page.
    const queueQuery = (team: number, status: string, cursor: string | null): QueueQuery => ({
      technician: technicianActor(queues.technicianOfTeam[team] as number),
      teamId: plan.teamIds[team] as string,
      status,
      cursor,
    });
    const samples = [
      { label: 'team 1 in_progress, first page', query: queueQuery(0, 'in_progress', null) },
      {
        label: 'team 1 in_progress, next page',
        query: queueQuery(0, 'in_progress', queues.cursors.get('0:in_progress') ?? null),
      },
      { label: 'team 26 assigned, first page', query: queueQuery(25, 'assigned', null) },
    ];
    const explained = await explainQueue(
      store,
      samples.map((s) => s.query),
    );
    explained.forEach((e, i) => {
      const label = samples[i]?.label;
      emit({
        db: kind,
        figure: 'plan',
        queue: label,
        queryMs: round(e.queryMs, 2),
        rows: e.rows,
        plan: e.plan,
        sql: e.sql,
      });
      log(`${kind} plan, ${label} (the statement alone: ${round(e.queryMs, 2)} ms):\n    ${e.plan.join('\n    ')}`);
    });
    const everyQueue = queues.first.map((r) => queueQuery(r.team, r.status, null));
    const paths = new Map<string, number>();
    for (const e of await explainQueue(store, everyQueue, { repeat: 0, analyze: false })) {
      const path = accessPath(e.plan);
      paths.set(path, (paths.get(path) ?? 0) + 1);
    }
    emit({ db: kind, figure: 'access-paths', queues: everyQueue.length, paths: Object.fromEntries(paths) });
    log(
      `${kind}: access paths of the ${everyQueue.length} queues' first pages: ${[...paths].map(([p, n]) => `${n} × ${p}`).join('; ')}`,
    );

    const mix = requestMix(queues, nextShare);
    emit({
      db: kind,
      figure: 'mix',
      requests: mix.length,
      firstPages: queues.first.length,
      nextPages: mix.length - queues.first.length,
      pageSize: PAGE,
    });
    await load(server.baseUrl, mix, 4, warmupSec * 2, verifyEvery);
    await sleep(1_000);
    emit({ db: kind, figure: 'idle-rss', ...memoryOf(server.pid) });

    for (const connections of connectionCounts) {
      await load(server.baseUrl, mix, connections, warmupSec, verifyEvery);
      const runs: RunFigures[] = [];
      const pgUrlOfStore = store.database.kind === 'postgres' ? store.database.url : null;
      for (let run = 0; run < runCount; run++) {
        runs.push(
          await measuredRun(server.baseUrl, mix, connections, durationSec, verifyEvery, server.pid, pgUrlOfStore),
        );
      }
      const figure = {
        db: kind,
        scenario: 'team-status-queue',
        connections,
        ...summarise(runs, GOAL_P99_MS),
        loadAvg1: round(loadavg()[0] ?? 0, 2),
      };
      emit(figure);
      log(
        `${kind} c=${connections}: ${figure.requestsPerSec} req/s, p50 ${figure.p50Ms} ms, p90 ${figure.p90Ms} ms, p99 ${figure.p99Ms} ms, max ${figure.maxMs} ms, ${figure.serverCpuMsPerRequest} ms CPU/req` +
          `${figure.dbCpuMsPerRequest !== null ? ` + ${figure.dbCpuMsPerRequest} ms PostgreSQL CPU/req` : ''}` +
          `${figure.non2xx + figure.errors + figure.mismatches > 0 ? `  (${figure.non2xx} non-2xx, ${figure.errors} errors, ${figure.mismatches} mismatches)` : ''}`,
      );
      if (figure.non2xx > 0) log(`server output:\n${server.output()}`);
    }
    emit({ db: kind, figure: 'after-load-rss', ...memoryOf(server.pid) });
  } finally {
    await runCleanups(mark);
  }
}

let failed = false;
try {
  const only = args.only;
  if (only && only !== 'sqlite' && only !== 'postgres') throw new Error('--only takes sqlite or postgres');
  let pgUrl = args.pg ?? process.env.VIGIE_BENCH_PG_URL ?? process.env.VIGIE_TEST_PG_URL ?? null;
  if (!pgUrl && only !== 'sqlite' && (await reachable(DEFAULT_PG))) pgUrl = DEFAULT_PG;
  if (only === 'postgres' && !pgUrl)
    throw new Error('--only postgres needs --pg URL, VIGIE_BENCH_PG_URL or a local PostgreSQL');
  if (!pgUrl && only !== 'sqlite')
    log(`PostgreSQL skipped: none at ${DEFAULT_PG} (or set VIGIE_BENCH_PG_URL / --pg URL)`);
  const databases = (['sqlite', 'postgres'] as const).filter(
    (kind) => (kind === 'sqlite' || pgUrl !== null) && (!only || only === kind),
  );
  emit({
    figure: 'host',
    node: process.version,
    cpus: availableParallelism(),
    loadAvg1: round(loadavg()[0] ?? 0, 2),
    serverDir,
    ...gitState(serverDir),
  });
  for (const kind of databases) await benchDatabase(kind, pgUrl);
} catch (error) {
  failed = true;
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await runCleanups();
}
if (cpuProfDir) log(`CPU profiles written to ${cpuProfDir} (summarise with bench/api-list/profile-summary.ts)`);
process.exit(failed ? 1 : 0);
