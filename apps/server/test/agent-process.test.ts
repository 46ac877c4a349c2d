import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { type AgentProcess, runAgentCommand, startAgentProcess } from './server-process.js';

// The real vigie-agent process (its TypeScript through tsx, as `bin/vigie-agent.mjs` runs it) against a real server
// on a socket, measuring the machine the tests run on. Intervals are shortened with the agent's own flags.
const CHECK_LOAD = '/usr/lib/nagios/plugins/check_load';

/** The agent measuring and running its plugins every second, logging each batch. */
function startAgent(stateDir: string): AgentProcess {
  return startAgentProcess(['--state-dir', stateDir, '--verbose', '--metrics-seconds', '1', '--plugin-seconds', '1']);
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 45_000,
) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sequence numbers of the metrics batches the agent queued, from its --verbose log. */
const metricsSeqs = (lines: string[]) =>
  lines.flatMap((line) => {
    const match = / queued batch (\d+): metrics$/.exec(line);
    return match ? [Number(match[1])] : [];
  });

/** Sequence numbers of the batches still on the agent's disk. */
const queuedSeqs = (stateDir: string) =>
  readdirSync(join(stateDir, 'queue'))
    .filter((n) => /^\d{16}\.json$/.test(n))
    .map((n) => Number(n.slice(0, 16)));

describe.each(DIALECTS)('the vigie-agent process against a real server (%s)', (dialect) => {
  let harness: Harness;
  let stateDir: string;
  let agent: AgentProcess | null = null;
  let identity: { agentId: string; assetId: string };

  const samples = async (name: string) => {
    const row = await harness.db
      .selectFrom('metric_samples')
      .innerJoin('metric_series', 'metric_series.id', 'metric_samples.series_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('metric_series.asset_id', '=', identity.assetId)
      .where('metric_series.name', '=', name)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  beforeAll(async () => {
    harness = await startHarness(dialect);
    stateDir = mkdtempSync(join(tmpdir(), 'vigie-agent-state-'));
  });
  afterAll(async () => {
    agent?.child.kill('SIGKILL');
    await harness?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('enrolls with a one-time token and keeps its credential readable by root only', async () => {
    const client = await factories(harness.services).client();
    const enrollment = await harness.services.monitoring.agents.createEnrollment(systemCtx, {
      clientId: client.id,
      label: 'test machine',
      expiresInHours: 1,
    });
    const refused = await runAgentCommand([
      'enroll',
      '--server',
      harness.baseUrl,
      '--token',
      'not-the-token-at-all',
      '--state-dir',
      stateDir,
    ]);
    expect(refused.status).toBe(77);
    expect(refused.stderr).toContain('the server refused the token');

    const enrolled = await runAgentCommand([
      'enroll',
      '--server',
      harness.baseUrl,
      '--token',
      enrollment.token,
      '--state-dir',
      stateDir,
    ]);
    expect(enrolled.stderr).toBe('');
    expect(enrolled.status).toBe(0);
    identity = JSON.parse(readFileSync(join(stateDir, 'agent.json'), 'utf8'));
    expect(enrolled.stdout).toContain(`enrolled as agent ${identity.agentId}`);
    expect(statSync(join(stateDir, 'credential')).mode & 0o777).toBe(0o600);
    const row = await harness.db
      .selectFrom('agents')
      .select(['hostname', 'status'])
      .where('id', '=', identity.agentId)
      .executeTakeFirstOrThrow();
    expect(row.status).not.toBe('revoked');
  }, 60_000);

  it('sends metrics of this machine every interval', async () => {
    agent = startAgent(stateDir);
    await waitFor('three load.1 samples', async () => (await samples('load.1')) >= 3);
    expect(await samples('cpu.percent')).toBeGreaterThan(0);
    expect(await samples('memory.used_percent')).toBeGreaterThan(0);
    expect(await samples('disk.used_percent[/]')).toBeGreaterThan(0);
  }, 60_000);

  it('sends the inventory of this machine with its installed packages', async () => {
    const inventory = await waitFor('the inventory', () =>
      harness.db
        .selectFrom('asset_inventories')
        .selectAll()
        .where('asset_id', '=', identity.assetId)
        .executeTakeFirst(),
    );
    expect(Number(inventory.package_count)).toBeGreaterThan(100);
    const os = typeof inventory.os === 'string' ? JSON.parse(inventory.os) : inventory.os;
    const prettyName = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    expect(os.name).toBe(prettyName);
  }, 60_000);

  it.skipIf(!existsSync(CHECK_LOAD))(
    'runs a monitoring-plugins check pushed by the server: check_load ends OK with its perfdata',
    async () => {
      const check = await harness.services.monitoring.checks.create(systemCtx, {
        assetId: identity.assetId,
        name: 'load',
        config: { kind: 'plugin', command: [CHECK_LOAD, '-w', '1000,1000,1000', '-c', '2000,2000,2000'] },
        intervalSeconds: 10,
        maxAttempts: 1,
      });
      const ok = await waitFor('check_load OK', async () => {
        const view = await harness.services.monitoring.checks.get(systemCtx, check.id);
        return view.status === 'ok' ? view : undefined;
      });
      expect(ok.output).toMatch(/^LOAD OK/);
      expect(await samples(`check.load1[${check.id}]`)).toBeGreaterThan(0);
      expect(agent?.lines.some((line) => line.includes('configuration') && line.includes('received'))).toBe(true);
    },
    60_000,
  );

  it('changes its credential when the console asks, and goes on sending with the new one', async () => {
    const running = agent as AgentProcess;
    const credentialFile = join(stateDir, 'credential');
    const before = readFileSync(credentialFile, 'utf8');
    await harness.services.monitoring.agents.requestRotation(systemCtx, identity.agentId);
    await waitFor('the rotation', () => running.lines.some((l) => l.includes('credential rotated')));
    expect(readFileSync(credentialFile, 'utf8')).not.toBe(before);
    expect(statSync(credentialFile).mode & 0o777).toBe(0o600);
    const count = await samples('load.1');
    await waitFor('samples sent with the new credential', async () => (await samples('load.1')) >= count + 2);
  }, 60_000);

  it('queues while the server is down and replays everything in order: no gap, no duplicate', async () => {
    const running = agent as AgentProcess;
    const port = Number(new URL(harness.baseUrl).port);
    await waitFor('a first sent batch', () => running.lines.some((l) => l.includes(' sent batch ')));
    await new Promise<void>((done) => {
      harness.app.server.close(() => done());
      harness.app.server.closeAllConnections();
    });
    const queuedBefore = metricsSeqs(running.lines).length;
    await waitFor('four metrics batches queued while the server is down', () => {
      return metricsSeqs(running.lines).length >= queuedBefore + 4 && queuedSeqs(stateDir).length >= 4;
    });
    expect(running.lines.some((l) => l.includes('batch(es) kept on disk'))).toBe(true);
    await new Promise<void>((done) => harness.app.server.listen(port, '127.0.0.1', () => done()));
    await waitFor('the replay', () => running.lines.some((l) => l.includes('the server answers again')));
    await waitFor('an empty queue', () => queuedSeqs(stateDir).length === 0);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    agent = null;

    const left = new Set(queuedSeqs(stateDir));
    const sent = metricsSeqs(running.lines).filter((seq) => !left.has(seq));
    expect(sent.length).toBeGreaterThan(queuedBefore + 4);
    // One load.1 value per metrics batch: as many samples as batches sent, none lost, none counted twice.
    expect(await samples('load.1')).toBe(sent.length);
    const lastSeq = Number(readFileSync(join(stateDir, 'queue', 'last-seq'), 'utf8'));
    const row = await harness.db
      .selectFrom('agents')
      .select('last_seq')
      .where('id', '=', identity.agentId)
      .executeTakeFirstOrThrow();
    expect(Number(row.last_seq)).toBe(lastSeq - left.size);
  }, 90_000);

  it('stops and says so when the agent is revoked, keeping its queue', async () => {
    const lastSeq = Number(readFileSync(join(stateDir, 'queue', 'last-seq'), 'utf8'));
    const restarted = startAgent(stateDir);
    agent = restarted;
    // A restart goes on from the last sequence number: none is reused.
    const firstSent = await waitFor('a batch sent after the restart', () => {
      const line = restarted.lines.find((l) => l.includes(' sent batch '));
      return line ? Number(/ sent batch (\d+)/.exec(line)?.[1]) : undefined;
    });
    expect(firstSent).toBe(lastSeq + 1);
    await harness.services.monitoring.agents.revoke(systemCtx, identity.agentId);
    expect(await restarted.exited).toBe(78);
    agent = null;
    const said = restarted.lines.find((l) => l.includes('stopped:'));
    expect(said).toContain('this agent was revoked in the console');
    expect(queuedSeqs(stateDir).length).toBeGreaterThan(0);
  }, 90_000);
});
