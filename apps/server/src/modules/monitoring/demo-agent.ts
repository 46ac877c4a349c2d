import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';

/** The identity the agent writes once enrolled (its agent.json; the credential is in its own 0600 file). */
export interface DemoAgentIdentity {
  agentId: string;
  assetId: string;
  server: string;
}

/** Exit code of the agent when its credential is refused (revoked, or a database that no longer knows it). */
const EXIT_NOT_AUTHORIZED = 78;
const PREFIX = '[demo-agent]';

function agentRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('@vigie/agent/package.json'));
}

/** The newest modification time under a directory (the agent's sources). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * How to run the real vigie-agent: its bundle (`apps/agent/dist/vigie-agent.mjs`) when it is built and not older than
 * the sources, else the TypeScript sources through tsx, as `apps/agent/bin/vigie-agent.mjs` and the tests run them.
 */
export function agentLaunch(): { cwd: string; args: string[] } {
  const root = agentRoot();
  const bundle = join(root, 'dist', 'vigie-agent.mjs');
  const sources = join(root, 'src');
  if (existsSync(bundle) && (!existsSync(sources) || statSync(bundle).mtimeMs >= newestMtime(sources)))
    return { cwd: root, args: [bundle] };
  return { cwd: root, args: ['--import', 'tsx', join(sources, 'main.ts')] };
}

/** Sends each line a stream prints to the server log, prefixed. */
function pipeLines(stream: NodeJS.ReadableStream | null, write: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) write(`${PREFIX} ${line}`);
  });
  stream.on('end', () => {
    if (rest.trim()) write(`${PREFIX} ${rest}`);
  });
}

/**
 * The real vigie-agent as a child process of the server, for the demo: enrolled once into its own state directory
 * (VIGIE_DATA_DIR/demo-agent), then run with short intervals. Its output goes to the server log; it is stopped with
 * the server (SIGTERM, then SIGKILL after a grace period). An unexpected exit is logged once and never takes the
 * server down: the server goes on without it.
 */
export class DemoAgent {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly stateDir: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** The identity of an enrolled agent in the state directory, or null. */
  identity(): DemoAgentIdentity | null {
    const identityFile = join(this.stateDir, 'agent.json');
    if (!existsSync(identityFile) || !existsSync(join(this.stateDir, 'credential'))) return null;
    try {
      const parsed = JSON.parse(readFileSync(identityFile, 'utf8')) as Partial<DemoAgentIdentity>;
      if (typeof parsed.agentId !== 'string' || typeof parsed.assetId !== 'string' || typeof parsed.server !== 'string')
        return null;
      return { agentId: parsed.agentId, assetId: parsed.assetId, server: parsed.server };
    } catch {
      return null;
    }
  }

  /** `vigie-agent enroll` to its end; `force` replaces an earlier identity (a new database, another address). */
  async enroll(serverUrl: string, token: string, force: boolean): Promise<DemoAgentIdentity> {
    const launch = agentLaunch();
    const args = [
      ...launch.args,
      'enroll',
      '--server',
      serverUrl,
      '--token',
      token,
      '--state-dir',
      this.stateDir,
      ...(force ? ['--force'] : []),
    ];
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn(process.execPath, args, { cwd: launch.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      pipeLines(child.stdout, (line) => this.log.info(line));
      pipeLines(child.stderr, (line) => this.log.warn(line));
      child.on('error', fail);
      child.on('close', (status) => done(status));
    });
    const identity = this.identity();
    if (code !== 0 || !identity) throw new Error(`the demo agent could not enroll (vigie-agent exit ${code})`);
    return identity;
  }

  /** Starts `vigie-agent run` in the background. */
  start(options: { metricsSeconds: number; pluginSeconds?: number | undefined }): void {
    if (this.child) return;
    const launch = agentLaunch();
    const args = [
      ...launch.args,
      'run',
      '--state-dir',
      this.stateDir,
      '--metrics-seconds',
      String(options.metricsSeconds),
      ...(options.pluginSeconds ? ['--plugin-seconds', String(options.pluginSeconds)] : []),
    ];
    const child = spawn(process.execPath, args, { cwd: launch.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    pipeLines(child.stdout, (line) => this.log.info(line));
    pipeLines(child.stderr, (line) => this.log.warn(line));
    let reported = false;
    const reportOnce = (message: string) => {
      if (reported || this.stopping) return;
      reported = true;
      this.log.error(`${PREFIX} ${message}; the server goes on without it`);
    };
    this.exited = new Promise((done) => {
      child.on('error', (error) => {
        reportOnce(`the local demo agent could not run: ${error.message}`);
        done();
      });
      child.on('exit', (code, signal) => {
        reportOnce(
          code === EXIT_NOT_AUTHORIZED
            ? `the local demo agent was refused by the server (revoked in the console?); remove ${this.stateDir} to enroll it again, or set VIGIE_DEMO_AGENT=off`
            : `the local demo agent stopped unexpectedly (${signal ? `signal ${signal}` : `exit ${code}`})`,
        );
        done();
      });
    });
  }

  /** The child's process id while it runs (tests check that none is left behind). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** SIGTERM, then SIGKILL if it has not ended within the grace period. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((done) => {
        timer = setTimeout(() => done('late'), graceMs);
      });
      if ((await Promise.race([this.exited, late])) === 'late') {
        this.log.warn(`${PREFIX} did not stop within ${graceMs} ms: killed`);
        child.kill('SIGKILL');
        await this.exited;
      }
      clearTimeout(timer);
    }
    this.child = null;
  }
}
