/**
 * api-list: throughput and latency of the asset list API over a real socket, on a register of
 * 1,000 clients and 100,000 assets, against the real server started as a child process.
 *
 *   node --import tsx bench/api-list/run.ts [--pg URL] [--only sqlite|postgres] [--connections 10,20,50]
 *        [--duration 10] [--warmup 2] [--runs 3] [--scenarios type-filter,client-filter,search,type-filter-page2]
 *        [--cpu-prof DIR] [--seed-only DIR] [--server-dir DIR]
 *
 * One JSON line per figure on stdout; progress on stderr. See bench/README.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, stopChild } from '../shared/child-process.js';
import { ADMIN_PASSWORD, ASSETS_PER_CLIENT, CLIENTS, SITES_PER_CLIENT, seed } from './seed.js';
import type { DbKind, Store } from './store.js';

const ROOT = resolve(import.meta.dirname, '../..');

// ---------------------------------------------------------------------------------------------------------------
// Options

const { values: args } = parseArgs({
  options: {
    pg: { type: 'string' },
    only: { type: 'string' },
    connections: { type: 'string', default: '10,20,50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    scenarios: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'seed-only': { type: 'string' },
    'server-dir': { type: 'string' },
  },
});

const pgUrl = args.pg ?? process.env.VIGIE_TEST_PG_URL ?? null;
const connectionCounts = (args.connections ?? '20')
  .split(',')
  .map((c) => Number(c.trim()))
  .filter((c) => Number.isInteger(c) && c > 0);
const durationSec = Number(args.duration);
const warmupSec = Number(args.warmup);
const runCount = Math.max(1, Number(args.runs));
const cpuProfDir = args['cpu-prof'] ? resolve(args['cpu-prof']) : null;
// Another checkout (a git worktree of a branch, say) whose server to start, for before/after comparisons.
const serverDir = args['server-dir'] ? resolve(args['server-dir']) : ROOT;
const BIN = join(serverDir, 'apps/server/bin/vigie.mjs');
const databases: DbKind[] = (['sqlite', 'postgres'] as const).filter(
  (kind) => (kind === 'sqlite' || pgUrl !== null) && (!args.only || args.only === kind),
);

/** The commit the server runs from, and whether its working copy has changes. */
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

function log(message: string): void {
  process.stderr.write(`[api-list] ${message}\n`);
}

function emit(figure: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ bench: 'api-list', ...figure })}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Clean-up that runs on success, failure and Ctrl-C

const cleanups: (() => Promise<void> | void)[] = [];

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup?.();
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
// Store: a temporary SQLite directory or a fresh PostgreSQL database

/** A fresh store; `keep` leaves it behind (for --seed-only) instead of removing it at the end. */
async function createStore(kind: DbKind, keep = false): Promise<Store> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { kind, database: { kind: 'sqlite', file: join(dir, 'vigie.sqlite') }, env: { VIGIE_DATA_DIR: dir } };
  }
  const adminUrl = pgUrl as string;
  const name = `vigie_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  if (!keep) {
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
        log(`dropped database ${name}`);
      } finally {
        await client.end();
      }
    });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env: Record<string, string> = { DATABASE_URL: url.toString() };
  if (!keep) {
    // The server's data dir holds nothing on PostgreSQL, but keep it away from the working copy.
    const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    env.VIGIE_DATA_DIR = dir;
  }
  return { kind, database: { kind: 'postgres', url: url.toString() }, env };
}

// ---------------------------------------------------------------------------------------------------------------
// The server as a child process

interface Server {
  child: ChildProcess;
  baseUrl: string;
  startupMs: number;
  output: () => string;
}

async function startServer(store: Store): Promise<Server> {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    VIGIE_DATA_DIR: undefined,
    ...store.env,
    VIGIE_HTTP_HOST: '127.0.0.1',
    VIGIE_HTTP_PORT: String(port),
    VIGIE_SMTP_PORT: '0',
    VIGIE_DEMO: 'off',
    VIGIE_LOG_LEVEL: 'warn',
    VIGIE_ADMIN_PASSWORD: ADMIN_PASSWORD,
  };
  // --cpu-prof is refused in NODE_OPTIONS, so it goes on the command line; the profile is written when the server stops.
  const nodeFlags = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  let output = '';
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, BIN, 'start'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  cleanups.push(() => stopChild(child));
  // A crash of this script must not leave the server running.
  process.once('exit', () => child.kill('SIGKILL'));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) {
        return { child, baseUrl, startupMs: performance.now() - started, output: () => output };
      }
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`server not ready after 120 s:\n${output}`);
}

/** Resident memory of a process in MiB, from /proc (VmRSS; VmHWM is the peak). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: round(kb('VmRSS') / 1024, 1), peakMb: round(kb('VmHWM') / 1024, 1) };
}

/** CPU time (user + system, all threads) a process has used so far, in ms; /proc counts in 100 Hz ticks. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: state is field 3, utime field 14, stime field 15 (1-based, see proc(5)).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

// ---------------------------------------------------------------------------------------------------------------
// Load

interface Scenario {
  name: string;
  path: string;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function getJson(
  baseUrl: string,
  path: string,
  token: string,
): Promise<{ items: { name: string; type: string; clientId: string }[]; nextCursor: string | null }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as never;
}

/** Builds the four scenarios and checks that each answers a full, correct page before loading it. */
async function scenariosFor(baseUrl: string, token: string, clientId: string): Promise<Scenario[]> {
  const typeFilter = '/api/v1/assets?type=server&limit=50';
  const first = await getJson(baseUrl, typeFilter, token);
  if (first.items.length !== 50 || first.items.some((a) => a.type !== 'server') || !first.nextCursor) {
    throw new Error('type filter did not answer a full page of servers with a next cursor');
  }
  const secondPath = `${typeFilter}&cursor=${encodeURIComponent(first.nextCursor)}`;
  const second = await getJson(baseUrl, secondPath, token);
  if (second.items.length !== 50 || (second.items[0]?.name ?? '') <= (first.items[49]?.name ?? '')) {
    throw new Error('second page does not follow the first');
  }
  const clientPath = `/api/v1/assets?clientId=${clientId}&limit=50`;
  const byClient = await getJson(baseUrl, clientPath, token);
  if (byClient.items.length !== 50 || byClient.items.some((a) => a.clientId !== clientId)) {
    throw new Error('client filter did not answer a full page of that client');
  }
  const searchPath = '/api/v1/assets?q=srv-05&limit=50';
  const found = await getJson(baseUrl, searchPath, token);
  if (found.items.length !== 50 || found.items.some((a) => !a.name.includes('srv-05'))) {
    throw new Error('search did not answer a full page of matches');
  }
  const all: Scenario[] = [
    { name: 'type-filter', path: typeFilter },
    { name: 'client-filter', path: clientPath },
    { name: 'search', path: searchPath },
    { name: 'type-filter-page2', path: secondPath },
  ];
  const wanted = args.scenarios?.split(',').map((s) => s.trim());
  return wanted ? all.filter((s) => wanted.includes(s.name)) : all;
}

async function load(baseUrl: string, scenario: Scenario, token: string, connections: number, duration: number) {
  return autocannon({
    url: `${baseUrl}${scenario.path}`,
    connections,
    duration,
    headers: { authorization: `Bearer ${token}` },
    title: scenario.name,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// One database end to end

async function benchDatabase(kind: DbKind): Promise<void> {
  const mark = cleanups.length;
  try {
    log(`${kind}: creating the store`);
    const store = await createStore(kind);
    log(`${kind}: seeding ${CLIENTS} clients, ${CLIENTS * ASSETS_PER_CLIENT} assets`);
    const seeded = await seed(store);
    log(`${kind}: seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
    emit({
      db: kind,
      figure: 'seed',
      clients: CLIENTS,
      sites: CLIENTS * SITES_PER_CLIENT,
      assets: CLIENTS * ASSETS_PER_CLIENT,
      ms: round(seeded.ms, 0),
    });

    const server = await startServer(store);
    const pid = server.child.pid as number;
    log(`${kind}: server pid ${pid} ready in ${Math.round(server.startupMs)} ms at ${server.baseUrl}`);
    emit({ db: kind, figure: 'startup', ms: round(server.startupMs, 0), rssAtReadyMb: memoryOf(pid).rssMb });

    const scenarios = await scenariosFor(server.baseUrl, seeded.token, seeded.clientId);
    // Warm-up (JIT, SQLite page cache / PostgreSQL buffers), then 2 s idle before reading the resident memory.
    for (const scenario of scenarios) await load(server.baseUrl, scenario, seeded.token, 10, warmupSec);
    await sleep(2_000);
    emit({ db: kind, figure: 'idle-rss', ...memoryOf(pid) });

    for (const connections of connectionCounts) {
      for (const scenario of scenarios) {
        await load(server.baseUrl, scenario, seeded.token, connections, warmupSec);
        const runs = [];
        for (let run = 0; run < runCount; run++) {
          const cpuBefore = cpuMsOf(pid);
          const r = await load(server.baseUrl, scenario, seeded.token, connections, durationSec);
          const cpuMs = cpuMsOf(pid) - cpuBefore;
          runs.push({
            requestsPerSec: round(r.requests.average, 0),
            p50Ms: round(r.latency.p50, 1),
            p99Ms: round(r.latency.p99, 1),
            total: r.requests.total,
            non2xx: r.non2xx,
            errors: r.errors,
            timeouts: r.timeouts,
            // Server CPU per answered request: steady even when the host is busy, unlike requests/s.
            cpuMsPerRequest: r.requests.total > 0 ? round(cpuMs / r.requests.total, 3) : Number.NaN,
          });
        }
        const figure = {
          db: kind,
          scenario: scenario.name,
          connections,
          requestsPerSec: median(runs.map((r) => r.requestsPerSec)),
          p50Ms: median(runs.map((r) => r.p50Ms)),
          p99Ms: median(runs.map((r) => r.p99Ms)),
          serverCpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
          non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
          errors: runs.reduce((sum, r) => sum + r.errors, 0),
          requests: runs.reduce((sum, r) => sum + r.total, 0),
          loadAvg1: round(loadavg()[0] ?? 0),
          raw: {
            requestsPerSec: runs.map((r) => r.requestsPerSec),
            p50Ms: runs.map((r) => r.p50Ms),
            p99Ms: runs.map((r) => r.p99Ms),
            serverCpuMsPerRequest: runs.map((r) => r.cpuMsPerRequest),
          },
        };
        emit(figure);
        log(
          `${kind} ${scenario.name} c=${connections}: ${figure.requestsPerSec} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms, ${figure.serverCpuMsPerRequest} ms CPU/req` +
            `${figure.non2xx + figure.errors > 0 ? `  (${figure.non2xx} non-2xx, ${figure.errors} errors)` : ''}`,
        );
        if (figure.non2xx > 0) log(`server output:\n${server.output()}`);
      }
    }
    emit({ db: kind, figure: 'after-load-rss', ...memoryOf(pid) });
  } finally {
    // This database's server, PG database and temp dirs, newest first.
    while (cleanups.length > mark) {
      const cleanup = cleanups.pop();
      try {
        await cleanup?.();
      } catch (error) {
        log(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/**
 * Leaves a seeded store behind, to run the server by hand (profilers, EXPLAIN, …): a SQLite data directory,
 * or with --only postgres a vigie_bench_… database (drop it when done).
 */
async function seedOnly(dir: string): Promise<void> {
  let store: Store;
  if (args.only === 'postgres') {
    store = await createStore('postgres', true);
  } else {
    mkdirSync(dir, { recursive: true });
    store = {
      kind: 'sqlite',
      database: { kind: 'sqlite', file: join(dir, 'vigie.sqlite') },
      env: { VIGIE_DATA_DIR: dir },
    };
  }
  const seeded = await seed(store);
  emit({
    db: store.kind,
    figure: 'seed',
    env: store.env,
    token: seeded.token,
    clientId: seeded.clientId,
    ms: round(seeded.ms, 0),
  });
}

let failed = false;
try {
  if (args.only === 'postgres' && !pgUrl) throw new Error('--only postgres needs --pg URL or VIGIE_TEST_PG_URL');
  if (!pgUrl) log('PostgreSQL skipped (set VIGIE_TEST_PG_URL or pass --pg URL)');
  // The load generator shares the machine with the server: other work on it skews the figures.
  emit({
    figure: 'host',
    node: process.version,
    cpus: availableParallelism(),
    loadAvg1: round(loadavg()[0] ?? 0),
    serverDir,
    ...gitState(serverDir),
  });
  if (args['seed-only']) await seedOnly(resolve(args['seed-only']));
  else for (const kind of databases) await benchDatabase(kind);
} catch (error) {
  failed = true;
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await runCleanups();
}
if (cpuProfDir) log(`CPU profiles written to ${cpuProfDir} (summarise with bench/api-list/profile-summary.ts)`);
process.exit(failed ? 1 : 0);
