/**
 * Helpers shared by bench/ingest and bench/board: the store (a temporary SQLite directory or a fresh PostgreSQL
 * database), the admin seeded through the services, the server as a child process, a keep-alive JSON client with a
 * staff session, figures (medians, percentiles, RSS and CPU of the server from /proc).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { systemCtx } from '../../apps/server/src/core/actor.js';
import { systemClock } from '../../apps/server/src/core/clock.js';
import { type Db, openDatabase } from '../../apps/server/src/db/connection.js';
import { migrateToLatest } from '../../apps/server/src/db/migrate.js';
import { buildServices } from '../../apps/server/src/http/services.js';
import { freePort, spawnVigie, stopChild } from '../shared/child-process.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
export const ADMIN_EMAIL = 'bench@vigie.local';
export const ADMIN_PASSWORD = 'bench-admin-password';

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
/** Nearest-rank percentile of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

export interface Store {
  kind: 'sqlite' | 'postgres';
  env: Record<string, string>;
  open: () => Db;
  drop: () => Promise<void>;
}

export async function sqliteStore(prefix: string): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), `vigie-bench-${prefix}-`));
  return {
    kind: 'sqlite',
    env: { VIGIE_DATA_DIR: dir },
    open: () => openDatabase({ kind: 'sqlite', file: join(dir, 'vigie.sqlite') }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh database `vigie_bench_<prefix>_<random>` on the server of `url`, dropped by `drop`. */
export async function postgresStore(url: string, prefix: string): Promise<Store> {
  const name = `vigie_bench_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: target.toString() },
    open: () => openDatabase({ kind: 'postgres', url: target.toString() }),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function postgresReachable(url: string): Promise<boolean> {
  try {
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    await probe.end();
    return true;
  } catch {
    return false;
  }
}

/** Migrates and creates the admin the benchmark signs in as (through the services). */
export async function seedAdmin(db: Db): Promise<void> {
  await migrateToLatest(db);
  const services = buildServices(db, systemClock, { sessionHours: 12, maxFailures: 5, lockMinutes: 15 });
  await services.users.create(systemCtx, {
    email: ADMIN_EMAIL,
    name: 'Bench',
    role: 'admin',
    clientId: null,
    supportLevel: null,
    specialties: [],
    locale: 'fr',
    password: ADMIN_PASSWORD,
  });
}

export interface Server {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  port: number;
  stop: () => Promise<void>;
}

/** The real server (`node apps/server/bin/vigie.mjs start`), demo off, SMTP off, on a free port. */
export async function startServer(storeEnv: Record<string, string>, extra: Record<string, string> = {}) {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    VIGIE_DATA_DIR: undefined,
    ...storeEnv,
    VIGIE_HTTP_HOST: '127.0.0.1',
    VIGIE_HTTP_PORT: String(port),
    VIGIE_SMTP_PORT: '0',
    VIGIE_DEMO: 'off',
    VIGIE_LOG_LEVEL: 'warn',
    ...extra,
  };
  // e.g. VIGIE_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under the load
  const nodeFlags = process.env.VIGIE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const { child, baseUrl } = await spawnVigie({ dir: ROOT, env, port, nodeFlags });
  return { child, pid: child.pid as number, baseUrl, port, stop: () => stopChild(child) } satisfies Server;
}

/** VmRSS and VmHWM of a process, in MiB. */
export function rssOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: round(kb('VmRSS') / 1024), peakMb: round(kb('VmHWM') / 1024) };
}

/** CPU time (user + system, all threads) a process has used so far, in ms (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  ms: number;
  headers: Record<string, string | string[] | undefined>;
}

/** A JSON client over keep-alive connections (node:http, one socket per request in flight). */
export class Client {
  readonly agent: Agent;
  private cookie = '';
  private csrf = '';

  constructor(
    readonly baseUrl: string,
    maxSockets = 64,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const url = new URL(path, this.baseUrl);
    const started = performance.now();
    return new Promise((done, fail) => {
      const req = httpRequest(
        {
          agent: this.agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          headers: {
            ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              // not JSON
            }
            done({
              status: res.statusCode ?? 0,
              body: parsed as T,
              ms: performance.now() - started,
              headers: res.headers,
            });
          });
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      if (payload !== undefined) req.end(payload);
      else req.end();
    });
  }

  /** `request`, failing on any status but `expected`. */
  async ok<T = unknown>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const answer = await this.request<T>(method, path, body);
    if (!expected.includes(answer.status)) {
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
    return answer.body;
  }

  /** Signs in as the bench admin: later requests carry the session cookie and the CSRF token. */
  async login(): Promise<void> {
    const answer = await this.request<{ csrfToken: string }>('POST', '/api/v1/auth/login', {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    });
    if (answer.status !== 200) throw new Error(`login: ${answer.status} ${JSON.stringify(answer.body)}`);
    const setCookie = answer.headers['set-cookie'];
    const first = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).find((c) =>
      c.startsWith('vigie_session='),
    );
    this.cookie = first?.split(';')[0] ?? '';
    this.csrf = answer.body.csrfToken;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight; answers the results in order. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
) {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
