/**
 * The real server (`node apps/server/bin/vigie.mjs start`) and the real agent (`apps/agent/src/main.ts` through tsx)
 * as child processes of a test, for the tests that kill, stop or restart them. Every child is also killed when the
 * test process exits, so a failing test leaves no orphan behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const SERVER = [join(ROOT, 'apps/server/bin/vigie.mjs'), 'start'];
const AGENT = ['--import', 'tsx', join(ROOT, 'apps/agent/src/main.ts')];

const living = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

function track(child: ChildProcess): void {
  living.add(child);
  child.once('exit', () => living.delete(child));
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** True once the process has exited (or was never started). */
export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** SIGKILL, whatever state it is in (a SIGSTOPped process dies too), and wait for the exit. */
export async function killChild(child: ChildProcess | null | undefined): Promise<void> {
  if (!child || hasExited(child)) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGKILL');
  await exited;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed by a signal). */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<number | null> {
  if (hasExited(child)) return child.exitCode;
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** The last 8 kB the server printed, for failure messages. */
  output: () => string;
}

/**
 * Starts the server with `env` added to this process's environment (minus DATABASE_URL and VIGIE_DATA_DIR, which the
 * caller sets for its database) on 127.0.0.1:`port`, SMTP and the demo off, and waits for /readyz to answer 200.
 */
export async function startServerProcess(
  env: Record<string, string>,
  port: number,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const { DATABASE_URL: _url, VIGIE_DATA_DIR: _dir, ...inherited } = process.env;
  const child = spawn(process.execPath, SERVER, {
    cwd: ROOT,
    env: {
      ...inherited,
      VIGIE_HTTP_HOST: '127.0.0.1',
      VIGIE_HTTP_PORT: String(port),
      VIGIE_SMTP_PORT: '0',
      VIGIE_DEMO: 'off',
      VIGIE_DEMO_AGENT: 'off',
      VIGIE_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`the server exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { child, pid: child.pid as number, baseUrl, output: () => output };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  await killChild(child);
  throw new Error(`the server was not ready after ${timeoutMs} ms:\n${output}`);
}

/** One agent command to its end (enroll, status). */
export function runAgentCommand(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...AGENT, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    track(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** A running `vigie-agent run` and every line it printed (stdout and stderr, in arrival order). */
export interface AgentProcess {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

export function startAgentProcess(args: string[]): AgentProcess {
  const child = spawn(process.execPath, [...AGENT, 'run', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);
  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts);
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, lines, exited };
}

/** Polls `probe` every 100 ms until it returns something truthy. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  ms = 45_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
