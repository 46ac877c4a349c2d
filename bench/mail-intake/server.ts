/** The real server as a child process (`node apps/server/bin/vigie.mjs start`) with its SMTP listener on a free port. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, stopChild } from '../shared/child-process.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface IntakeServer {
  child: ChildProcess;
  baseUrl: string;
  smtpPort: number;
  stop: () => Promise<void>;
}

export async function startIntakeServer(storeEnv: Record<string, string>): Promise<IntakeServer> {
  const port = await freePort();
  const smtpPort = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    VIGIE_DATA_DIR: undefined,
    ...storeEnv,
    VIGIE_HTTP_HOST: '127.0.0.1',
    VIGIE_HTTP_PORT: String(port),
    VIGIE_SMTP_HOST: '127.0.0.1',
    VIGIE_SMTP_PORT: String(smtpPort),
    VIGIE_SUPPORT_ADDRESS: 'support@vigie.local',
    VIGIE_DEMO: 'off',
    VIGIE_LOG_LEVEL: 'warn',
  };
  let output = '';
  // e.g. VIGIE_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under the load
  const nodeArgs = process.env.VIGIE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'apps/server/bin/vigie.mjs'), 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  process.once('exit', () => child.kill('SIGKILL'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return { child, baseUrl, smtpPort, stop: () => stopChild(child) };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stopChild(child);
  throw new Error(`server not ready within 120 s:\n${output}`);
}
