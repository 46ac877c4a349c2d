/** The real server as a child process (`node apps/server/bin/vigie.mjs start`) with its SMTP listener on a free port. */
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort, spawnVigie, stopChild } from '../shared/child-process.js';

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
  // e.g. VIGIE_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under the load
  const nodeFlags = process.env.VIGIE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const { child, baseUrl } = await spawnVigie({ dir: ROOT, env, port, nodeFlags });
  return { child, baseUrl, smtpPort, stop: () => stopChild(child) };
}
