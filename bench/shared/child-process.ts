/** Starting and stopping the server under test as a child process, for every benchmark. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A TCP port nobody listens on right now, for the server under test. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface VigieChild {
  child: ChildProcess;
  baseUrl: string;
  /** The last 8 kB the server printed (for error messages). */
  output: () => string;
}

/**
 * Spawns `node [nodeFlags] <dir>/apps/server/bin/vigie.mjs start` with `env` (which must set VIGIE_HTTP_PORT to
 * `port`) and waits for `/readyz` to answer 200 (120 s at most; the server is stopped if it never does).
 */
export async function spawnVigie(options: {
  dir: string;
  env: Record<string, string | undefined>;
  port: number;
  nodeFlags?: readonly string[];
}): Promise<VigieChild> {
  let output = '';
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), join(options.dir, 'apps/server/bin/vigie.mjs'), 'start'],
    { cwd: options.dir, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // A crash of the benchmark must not leave the server running.
  process.once('exit', () => child.kill('SIGKILL'));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return { child, baseUrl, output: () => output };
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  await stopChild(child);
  throw new Error(`server not ready after 120 s:\n${output}`);
}
