import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../src/db/connection.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './databases.js';
import { ApiClient } from './http-client.js';
import {
  type AgentProcess,
  freePort,
  killChild,
  runAgentCommand,
  type ServerProcess,
  startAgentProcess,
  startServerProcess,
  stopChild,
  waitFor,
} from './server-process.js';

// Issue 5, "Bad input and faults": the REAL server as a child process and the REAL vigie-agent, with intervals shortened
// by the agent's own flags (metrics and the plugin check every second). The server is killed with SIGKILL while the
// agent sends, then frozen with SIGSTOP (connections are accepted by the kernel but never answered: what an agent sees
// when the network drops its packets). After each fault the agent's own log says what it queued and what the server
// acknowledged, and the database must hold each acknowledged measure exactly once.

const CHECK_LOAD = '/usr/lib/nagios/plugins/check_load';
const HAS_CHECK_LOAD = existsSync(CHECK_LOAD);
const ADMIN = { email: 'crash@vigie.test', password: 'crash-test-admin-password' };
/** How long the server stays down after `kill -9` while the agent keeps measuring. */
const KILLED_MS = 5_000;
/**
 * How long the server is frozen. The issue asks for ten minutes without network: at the default metrics interval of
 * 60 s that is 10 metrics batches. Here the agent measures every second (and runs check_load every second), so 70 s
 * queues about 70 metrics batches (about 140 in all): more than ten minutes at the default interval would.
 *
 * Longer than a minute on purpose: a frozen server's kernel still takes the agent's request, the agent gives up after
 * 30 s and retries, and on SIGCONT the server finds the request the agent gave up on. Its `sentAt` is as old as the
 * freeze, past the 60 s skew tolerance: applied, its measures would be moved forward by the delay taken for clock
 * skew. The server drops a request whose connection the agent already closed; the window check below proves it.
 */
const OUTAGE_MS = 70_000;

interface Ledger {
  /** Every batch the agent queued (its --verbose "queued batch N: what" line): what it carries and when it was logged. */
  queued: Map<number, { what: string; loggedAt: number }>;
  /** Sequence numbers the server acknowledged ("sent batch N"), in the order the agent received the acknowledgements. */
  acknowledged: number[];
  /** Acknowledgements that said "already received": the server had committed the batch but the agent never heard. */
  replays: number;
}

function ledgerOf(lines: readonly string[]): Ledger {
  const ledger: Ledger = { queued: new Map(), acknowledged: [], replays: 0 };
  for (const line of lines) {
    const queued = /^(\S+) info queued batch (\d+): (.+)$/.exec(line);
    if (queued) {
      const seq = Number(queued[2]);
      if (ledger.queued.has(seq)) throw new Error(`batch ${seq} was queued twice`);
      ledger.queued.set(seq, { what: queued[3] as string, loggedAt: Date.parse(queued[1] as string) });
    }
    const sent = /^\S+ info sent batch (\d+)( \(already received: a replay\))?:/.exec(line);
    if (sent) {
      ledger.acknowledged.push(Number(sent[1]));
      if (sent[2]) ledger.replays++;
    }
  }
  return ledger;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

describe.each(DIALECTS)('the vigie-agent through a killed and a frozen server (%s)', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  let stateDir: string;
  let port: number;
  let serverEnv: Record<string, string>;
  let server: ServerProcess | null = null;
  let db: Db | null = null;
  let assetId: string;
  let checkId: string | null = null;
  /** Every agent run, in order: the ledger reads their lines end to end. */
  const runs: AgentProcess[] = [];
  const allLines = () => runs.flatMap((run) => run.lines);
  const queueFiles = () =>
    readdirSync(join(stateDir, 'queue'))
      .filter((name) => /^\d{16}\.json$/.test(name))
      .map((name) => Number(name.slice(0, 16)))
      .sort((a, b) => a - b);
  const startAgent = () => {
    const agent = startAgentProcess([
      '--state-dir',
      stateDir,
      '--verbose',
      '--metrics-seconds',
      '1',
      '--plugin-seconds',
      '1',
    ]);
    runs.push(agent);
    return agent;
  };
  const acknowledgedIn = (lines: readonly string[], what: string) => {
    const { queued, acknowledged } = ledgerOf(lines);
    return acknowledged.filter((seq) => queued.get(seq)?.what === what).length;
  };

  /** Sample times of one series of the agent's asset, oldest first. */
  const sampleTimes = async (name: string) => {
    const rows = await (db as Db)
      .selectFrom('metric_samples')
      .innerJoin('metric_series', 'metric_series.id', 'metric_samples.series_id')
      .select('metric_samples.at')
      .where('metric_series.asset_id', '=', assetId)
      .where('metric_series.name', '=', name)
      .orderBy('metric_samples.at')
      .execute();
    return rows.map((row) => Number(row.at));
  };

  /**
   * Once the agent is stopped: everything the agent was told is stored, is stored once, and is the agent's own measure.
   *
   * The criterion, and why it can fail:
   * - the agent numbers its batches 1, 2, 3… (never reusing one, even across restarts) and sends them oldest first,
   *   deleting one only when acknowledged; so the acknowledgements in its log must read exactly 1..n, in order, once each,
   *   and what is left on disk must be exactly n+1..last (a dropped, refused or reordered batch breaks this);
   * - agents.last_seq, committed with the batch's rows, must be n: the server committed everything it acknowledged;
   * - each metrics batch carries one `load.1` value (each check_load batch one `check.load1`), so the series must
   *   have exactly as many samples as acknowledged batches of that kind (a lost batch gives fewer, a batch stored twice
   *   more), and no (series, time) pair may appear twice anywhere in metric_samples;
   * - and each sample must be the measure of ITS batch: the k-th acknowledged metrics batch was measured after the
   *   agent logged the (k-1)-th as queued (the scheduler starts a run only after the previous one ended) and before it
   *   logged the k-th: same machine, same clock, so the k-th oldest sample must fall in that window. A lost batch
   *   whose place is taken by another one's duplicate, or times shifted by the server (a wrong clock correction), fail.
   */
  const verifyAgainstTheAgent = async () => {
    const { queued, acknowledged, replays } = ledgerOf(allLines());
    const lastSeq = Number(readFileSync(join(stateDir, 'queue', 'last-seq'), 'utf8'));
    expect([...queued.keys()].sort((a, b) => a - b)).toEqual(range(1, lastSeq));
    const n = acknowledged.length;
    expect(acknowledged).toEqual(range(1, n));
    expect(queueFiles()).toEqual(range(n + 1, lastSeq));
    expect(readdirSync(join(stateDir, 'rejected'))).toEqual([]);

    const agent = await (db as Db)
      .selectFrom('agents')
      .select('last_seq')
      .where('asset_id', '=', assetId)
      .executeTakeFirstOrThrow();
    expect(Number(agent.last_seq)).toBe(n);

    const duplicates = await sql<{ series_id: string; at: string; n: number }>`
      select series_id, at, count(*) as n from metric_samples group by series_id, at having count(*) > 1`.execute(
      db as Db,
    );
    expect(duplicates.rows).toEqual([]);

    const series: [string, string][] = [['load.1', 'metrics']];
    if (checkId) series.push([`check.load1[${checkId}]`, 'check load']);
    for (const [name, what] of series) {
      const seqs = acknowledged.filter((seq) => queued.get(seq)?.what === what);
      const times = await sampleTimes(name);
      expect(times.length, `${name}: one sample per acknowledged "${what}" batch`).toBe(seqs.length);
      const misplaced = seqs.flatMap((seq, k) => {
        const after = k === 0 ? 0 : (queued.get(seqs[k - 1] as number)?.loggedAt as number);
        const before = queued.get(seq)?.loggedAt as number;
        const at = times[k] as number;
        return at >= after && at <= before
          ? []
          : [
              `batch ${seq}: sample at ${new Date(at).toISOString()}, expected between ${new Date(after).toISOString()} and ${new Date(before).toISOString()}`,
            ];
      });
      expect(misplaced, name).toEqual([]);
    }
    return { acknowledged: n, replays };
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir =
      database.database.kind === 'sqlite'
        ? dirname(database.database.file)
        : mkdtempSync(join(tmpdir(), 'vigie-crash-'));
    stateDir = mkdtempSync(join(tmpdir(), 'vigie-crash-agent-'));
    port = await freePort();
    serverEnv = {
      VIGIE_DATA_DIR: dataDir,
      ...(database.database.kind === 'postgres' ? { DATABASE_URL: database.database.url } : {}),
      VIGIE_ADMIN_EMAIL: ADMIN.email,
      VIGIE_ADMIN_PASSWORD: ADMIN.password,
    };
    server = await startServerProcess(serverEnv, port);
    db = openDatabase(database.database, { poolSize: 2 });

    // A client and an enrollment token through the API, as a technician would.
    const api = new ApiClient(server.baseUrl);
    expect((await api.login(ADMIN.email, ADMIN.password)).status).toBe(200);
    const client = await api.json<{ id: string }>('POST', '/api/v1/clients', {
      code: 'CRASH',
      name: 'Crash test',
      legalName: 'Crash test SAS',
    });
    const enrollment = await api.json<{ token: string }>('POST', '/api/v1/monitoring/enrollments', {
      clientId: client.id,
      label: 'crash test machine',
      expiresInHours: 1,
    });
    const enrolled = await runAgentCommand([
      'enroll',
      '--server',
      server.baseUrl,
      '--token',
      enrollment.token,
      '--state-dir',
      stateDir,
    ]);
    expect(enrolled.stderr).toBe('');
    expect(enrolled.status).toBe(0);
    assetId = JSON.parse(readFileSync(join(stateDir, 'agent.json'), 'utf8')).assetId;
    if (HAS_CHECK_LOAD) {
      const check = await api.json<{ id: string }>('POST', '/api/v1/monitoring/checks', {
        assetId,
        name: 'load',
        config: { kind: 'plugin', command: [CHECK_LOAD, '-w', '1000,1000,1000', '-c', '2000,2000,2000'] },
        intervalSeconds: 10,
        maxAttempts: 1,
      });
      checkId = check.id;
    }
  }, 90_000);

  afterAll(async () => {
    // Even when a test failed half-way (the server frozen, the agent queueing): no process is left behind.
    for (const run of runs) await killChild(run.child);
    await killChild(server?.child);
    await db?.destroy();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  }, 30_000);

  it('kill -9 of the server while the agent sends: after the restart nothing acknowledged is missing or doubled', async () => {
    const agent = startAgent();
    await waitFor('ten metrics batches acknowledged', () => acknowledgedIn(agent.lines, 'metrics') >= 10, 60_000);
    if (checkId) await waitFor('check_load batches', () => acknowledgedIn(agent.lines, 'check load') >= 1, 30_000);

    // Mid-stream: the agent logs "queued batch N" just before it sends N, so SIGKILL goes the moment that line arrives,
    // while the server is likely reading, committing or answering it.
    const killed = server as ServerProcess;
    const exited = new Promise<string | null>((done) => killed.child.once('exit', (_code, signal) => done(signal)));
    await new Promise<void>((done) => {
      const onData = (chunk: string) => {
        if (!chunk.includes(' queued batch ')) return;
        process.kill(killed.pid, 'SIGKILL');
        agent.child.stdout?.off('data', onData);
        done();
      };
      agent.child.stdout?.on('data', onData);
    });
    expect(await exited).toBe('SIGKILL');
    server = null;
    const downFrom = agent.lines.length;

    await sleep(KILLED_MS);
    expect(agent.lines.slice(downFrom).some((l) => l.includes('batch(es) kept on disk'))).toBe(true);
    expect(queueFiles().length).toBeGreaterThanOrEqual(3);

    server = await startServerProcess(serverEnv, port);
    await waitFor('the replay', () => agent.lines.slice(downFrom).some((l) => l.includes('the server answers again')));
    await waitFor('an empty queue', () => queueFiles().length === 0, 60_000);
    expect(await stopChild(agent.child)).toBe(0);

    const { acknowledged, replays } = await verifyAgainstTheAgent();
    expect(acknowledged).toBeGreaterThanOrEqual(20);
    // Whether the kill fell between a commit and its acknowledgement is luck; when it did, the replay was recognised.
    console.info(`${dialect}: ${acknowledged} batches acknowledged, ${replays} acknowledged as replays after the kill`);
  }, 120_000);

  it('server frozen (SIGSTOP) for 70 s: the agent queues, then replays all of it in order, none lost, none twice', async () => {
    const frozen = server as ServerProcess;
    const agent = startAgent();
    // The restart goes on from the last sequence number (the first run's leftovers are sent first).
    await waitFor('batches acknowledged by the new run', () => acknowledgedIn(agent.lines, 'metrics') >= 3, 30_000);

    const stoppedAt = Date.now();
    process.kill(frozen.pid, 'SIGSTOP');
    try {
      await sleep(OUTAGE_MS);
    } finally {
      process.kill(frozen.pid, 'SIGCONT');
    }
    const resumedAt = Date.now();
    const queuedDuringOutage = [...ledgerOf(agent.lines).queued.values()].filter(
      (q) => q.what === 'metrics' && q.loggedAt >= stoppedAt && q.loggedAt <= resumedAt,
    ).length;
    expect(queuedDuringOutage).toBeGreaterThanOrEqual(55);
    expect(agent.lines.some((l) => l.includes('batch(es) kept on disk'))).toBe(true);

    await waitFor('the replay', () => agent.lines.some((l) => l.includes('the server answers again')), 60_000);
    await waitFor('an empty queue', () => queueFiles().length === 0, 60_000);
    expect(await stopChild(agent.child)).toBe(0);

    const { acknowledged, replays } = await verifyAgainstTheAgent();
    console.info(`${dialect}: ${acknowledged} batches acknowledged in all, ${replays} replays`);
  }, 180_000);
});
