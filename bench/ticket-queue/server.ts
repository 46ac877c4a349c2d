/**
 * The real server as a child process (`node apps/server/bin/vigie.mjs start`) on a free port, as api-list runs it,
 * and what the benchmark reads of it from /proc: resident memory and CPU time.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import type { Store } from '../api-list/store.js';
import { freePort, spawnVigie, stopChild } from '../shared/child-process.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Server {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  startupMs: number;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the server of the checkout `serverDir` (this one by default) on the store and waits for `/readyz`;
 * `cpuProfDir` runs it under `node --cpu-prof`.
 */
export async function startServer(
  store: Store,
  options: { cpuProfDir: string | null; serverDir?: string },
): Promise<Server> {
  const serverDir = options.serverDir ?? ROOT;
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
  };
  const nodeFlags = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  const started = performance.now();
  const { child, baseUrl, output } = await spawnVigie({ dir: serverDir, env, port, nodeFlags });
  return {
    child,
    pid: child.pid as number,
    baseUrl,
    startupMs: performance.now() - started,
    output,
    stop: () => stopChild(child),
  };
}

/** Resident memory of a process in MiB, from /proc (VmRSS; VmHWM is the peak). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, peakMb: Math.round(kb('VmHWM') / 102.4) / 10 };
}

/** CPU time (user + system, all threads) a process has used so far, in ms; /proc counts in 100 Hz ticks. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time used so far by the PostgreSQL backends serving `url`'s database, when the server runs on this machine
 * (its processes visible in /proc); null otherwise. Backends that exit in between are lost, so the pool must stay
 * busy between two readings (it does during a load run).
 */
export async function databaseCpu(url: string): Promise<Map<number, number> | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        cpu.set(pid, cpuMsOf(pid));
      } catch {
        return null;
      }
    }
    return cpu;
  } finally {
    await client.end();
  }
}

/** CPU the backends used between two readings: the growth of those in both, all of those that started since. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
