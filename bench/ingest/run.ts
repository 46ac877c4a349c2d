/**
 * ingest: simulated agents posting batches over HTTP to the real server (a child process), on SQLite and on
 * PostgreSQL (issue 5, "Performance"). Goals: ≥ 20,000 results/s with p99 ≤ 100 ms; ≥ 10,000 new alerts/s with no
 * duplicate (alert, ticket, notification); ≤ 2 KB of server memory per active alert.
 *
 *   node --import tsx bench/ingest/run.ts [--pg URL] [--only sqlite|postgres] [--agents 200] [--values 50]
 *        [--plugins 2] [--duration 20] [--runs 3] [--rate 20000] [--alert-agents 5000] [--checks-per-agent 4]
 *        [--alert-concurrency 16] [--active-alerts 100000] [--skip-alerts]
 *
 * Phases, for each database:
 *   1. throughput: `--agents` agents enrolled over HTTP, each with `--plugins` plugin checks; every batch carries
 *      one metrics item of `--values` values and one OK result per plugin (a "result" is one value or one check
 *      result). `saturate`: every agent posts its next batch as soon as the previous one is answered (the most the
 *      server takes; latency is then mostly queueing). `paced`: batches offered at `--rate` results/s spread over
 *      the agents (the goal's load), latency at that rate. Each `--runs` × `--duration` s after a 3 s warm-up.
 *   2. replay: every agent posts its last batch again → all `duplicate: true`, no row added.
 *   3. new alerts: agents up to `--alert-agents`, `--checks-per-agent` plugin checks each (maxAttempts 1) and a
 *      webhook notification rule to a receiver in this process; one OK batch per agent, then the measured CRITICAL
 *      batch per agent (`--alert-concurrency` in flight): alerts/s = new alert rows / time from the first post to
 *      the last answer. Checked: one open alert per fingerprint, one ticket per alert, one webhook per alert.
 *   4. memory: the server's VmRSS at rest, with the agents enrolled, after the alerts; with `--active-alerts`
 *      (default 100,000) more checks are inserted straight into the database and turned CRITICAL the same way.
 *
 * One JSON line per figure on stdout; progress on stderr. See bench/README.md.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { systemCtx } from '../../apps/server/src/core/actor.js';
import { systemClock } from '../../apps/server/src/core/clock.js';
import { newId } from '../../apps/server/src/core/ids.js';
import type { Db } from '../../apps/server/src/db/connection.js';
import { toJson } from '../../apps/server/src/db/dialect.js';
import type { CheckRow } from '../../apps/server/src/db/schema-monitoring.js';
import { buildServices } from '../../apps/server/src/http/services.js';
import {
  Client,
  cpuMs,
  DEFAULT_PG,
  median,
  percentile,
  pool,
  postgresReachable,
  postgresStore,
  round,
  rssOf,
  type Server,
  type Store,
  seedAdmin,
  sqliteStore,
  startServer,
} from './common.js';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'string' },
    only: { type: 'string' },
    agents: { type: 'string', default: '200' },
    values: { type: 'string', default: '50' },
    plugins: { type: 'string', default: '2' },
    duration: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    rate: { type: 'string', default: '20000' },
    clients: { type: 'string', default: '50' },
    'alert-agents': { type: 'string', default: '5000' },
    'checks-per-agent': { type: 'string', default: '4' },
    'alert-concurrency': { type: 'string', default: '16' },
    'active-alerts': { type: 'string', default: '100000' },
    'skip-alerts': { type: 'boolean', default: false },
    'skip-throughput': { type: 'boolean', default: false },
  },
});
const AGENTS = Math.max(1, Number(args.agents));
const VALUES = Math.min(500, Math.max(1, Number(args.values)));
const PLUGINS = Math.max(0, Number(args.plugins));
const DURATION_S = Math.max(1, Number(args.duration));
const RUNS = Math.max(1, Number(args.runs));
const RATE = Math.max(1, Number(args.rate));
const CLIENTS = Math.max(1, Number(args.clients));
const ALERT_AGENTS = Math.max(AGENTS, Number(args['alert-agents']));
const CHECKS_PER_AGENT = Math.max(1, Number(args['checks-per-agent']));
const ALERT_CONCURRENCY = Math.max(1, Number(args['alert-concurrency']));
const ACTIVE_ALERTS = Math.max(0, Number(args['active-alerts']));

const GOAL = { resultsPerSecond: 20_000, p99Ms: 100, alertsPerSecond: 10_000, kbPerAlert: 2 };

const log = (message: string) => process.stderr.write(`[ingest] ${message}\n`);
const emit = (figure: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ bench: 'ingest', ...figure })}\n`);
const load1 = () => round(loadavg()[0] ?? 0, 2);

interface SimAgent {
  agentId: string;
  assetId: string;
  credential: string;
  clientId: string;
  seq: number;
  checks: string[];
  last?: string;
}

const METRIC_NAMES = ['cpu.percent', 'memory.used_percent', 'load.1', 'load.5', 'load.15', 'swap.used_percent'];
/** `--values` metric values: a few host figures, then per-disk and per-interface ones. */
const metricShape = Array.from({ length: VALUES }, (_, i) =>
  i < METRIC_NAMES.length
    ? { name: METRIC_NAMES[i] as string }
    : i % 2 === 0
      ? { name: 'disk.used_percent', instance: `/mnt/d${i}` }
      : { name: 'net.rx_bytes_per_s', instance: `eth${i}` },
);

function batchOf(agent: SimAgent, exitCode: number, withMetrics: boolean): string {
  agent.seq += 1;
  const at = new Date().toISOString();
  const items: unknown[] = [];
  if (withMetrics) {
    items.push({
      type: 'metrics',
      at,
      values: metricShape.map((m, i) => ({ ...m, value: round((i * 7 + agent.seq * 13) % 100, 2) })),
    });
  }
  for (const checkId of agent.checks) {
    items.push({
      type: 'check',
      checkId,
      at,
      exitCode,
      output: exitCode === 0 ? 'OK - all good' : 'CRITICAL - service down',
      durationMs: 12,
    });
  }
  agent.last = JSON.stringify({ seq: agent.seq, sentAt: at, agentVersion: '0.9.0', items });
  return agent.last;
}

interface Ack {
  acknowledged: number;
  duplicate: boolean;
  accepted: number;
  rejected: unknown[];
}

async function post(client: Client, agent: SimAgent, body: string): Promise<{ ms: number; ack: Ack }> {
  const answer = await client.request<Ack>('POST', '/api/v1/agent/batches', body, {
    authorization: `Bearer ${agent.credential}`,
  });
  if (answer.status !== 200) throw new Error(`batch: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  if (answer.body.rejected.length > 0) throw new Error(`batch rejected items: ${JSON.stringify(answer.body.rejected)}`);
  return { ms: answer.ms, ack: answer.body };
}

async function count(db: Db, table: 'metric_samples' | 'check_changes' | 'alerts' | 'tickets'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Alerts of plugin checks (not the agents' heartbeats). */
async function pluginAlerts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('alerts')
    .innerJoin('checks', 'checks.id', 'alerts.check_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('checks.kind', '=', 'plugin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Clients seeded through the services before the server starts. */
async function seedClients(db: Db): Promise<string[]> {
  const services = buildServices(db, systemClock, { sessionHours: 12, maxFailures: 5, lockMinutes: 15 });
  const ids: string[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const client = await services.clients.create(systemCtx, {
      code: `ING${c}`,
      name: `Ingest client ${c}`,
      legalName: `Ingest client ${c} SAS`,
      timeZone: 'Europe/Paris',
      locale: 'fr',
      address: {},
      mailDomains: [],
      active: true,
    } as never);
    ids.push(client.id);
  }
  return ids;
}

async function enrollAgents(api: Client, tokens: Map<string, string>, clientIds: string[], from: number, to: number) {
  const indexes = Array.from({ length: to - from }, (_, i) => from + i);
  return pool(indexes, 8, async (n) => {
    const clientId = clientIds[n % clientIds.length] as string;
    const answer = await api.ok<{ agentId: string; assetId: string; credential: string }>(
      'POST',
      '/api/v1/agent/enroll',
      { token: tokens.get(clientId), hostname: `bench-${n}`, os: { name: 'Debian 12' }, agentVersion: '0.9.0' },
    );
    return { ...answer, clientId, seq: 0, checks: [] } as SimAgent;
  });
}

async function createChecks(api: Client, agents: SimAgent[], perAgent: number): Promise<void> {
  const work = agents.flatMap((agent) =>
    Array.from({ length: perAgent - agent.checks.length }, (_, i) => ({ agent, i: agent.checks.length + i })),
  );
  await pool(work, 8, async ({ agent, i }) => {
    const check = await api.ok<{ id: string }>('POST', '/api/v1/monitoring/checks', {
      assetId: agent.assetId,
      name: `plugin-${i}`,
      config: { kind: 'plugin', command: ['/bin/true'] },
      maxAttempts: 1,
    });
    agent.checks.push(check.id);
  });
}

/** Closed loop (`saturate`) or paced at `--rate` results/s (`paced`) for `seconds`; latencies of every post. */
async function drive(client: Client, agents: SimAgent[], mode: 'saturate' | 'paced', seconds: number) {
  const perBatch = VALUES + PLUGINS;
  const intervalMs = (agents.length * perBatch * 1000) / RATE; // each agent's period at the goal's rate
  const latencies: number[] = [];
  let results = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    agents.map(async (agent, i) => {
      let due = started + (mode === 'paced' ? (intervalMs * i) / agents.length : 0);
      while (performance.now() < end) {
        if (mode === 'paced') {
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          if (performance.now() >= end) break;
          due += intervalMs;
        }
        const { ms } = await post(client, agent, batchOf(agent, 0, true));
        latencies.push(ms);
        results += perBatch;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    resultsPerSecond: results / elapsed,
    batchesPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: Math.max(...latencies),
  };
}

/** A webhook receiver: deliveries per alert id. */
async function startReceiver() {
  const perAlert = new Map<string, number>();
  let total = 0;
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const doc = JSON.parse(Buffer.concat(chunks).toString()) as { event: string; alert: { id: string } };
        if (doc.event === 'opened') perAlert.set(doc.alert.id, (perAlert.get(doc.alert.id) ?? 0) + 1);
        total += 1;
      } catch {
        // not ours
      }
      res.writeHead(204).end();
    });
  });
  // Longer than the sender keeps an idle socket, so that a post never meets a socket the receiver just closed.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    perAlert,
    total: () => total,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Checks inserted straight into the database (as the checks service writes them), for the 100,000-alert memory. */
async function insertChecks(db: Db, agents: SimAgent[], perAgent: number): Promise<void> {
  const at = new Date().toISOString();
  const rows: CheckRow[] = [];
  for (const agent of agents) {
    for (let i = agent.checks.length; i < perAgent; i++) {
      const id = newId();
      agent.checks.push(id);
      rows.push({
        id,
        client_id: agent.clientId,
        asset_id: agent.assetId,
        agent_id: agent.agentId,
        kind: 'plugin',
        name: `plugin-${i}`,
        config: toJson({ kind: 'plugin', command: ['/bin/true'] }),
        host_check: 0,
        interval_seconds: 60,
        timeout_ms: 10_000,
        max_attempts: 1,
        enabled: 1,
        status: 'ok',
        hard: 1,
        attempt: 1,
        reachability: 'up',
        flapping: 0,
        history: 'o',
        output: 'OK - all good',
        latency_ms: 12,
        last_result_at: at,
        state_since: at,
        next_run_at: null,
        created_at: at,
        updated_at: at,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('checks')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Every agent posts one CRITICAL batch for all its checks; alerts/s over the posts. */
async function raiseAll(client: Client, db: Db, agents: SimAgent[]) {
  const before = await pluginAlerts(db);
  const latencies: number[] = [];
  const started = performance.now();
  await pool(agents, ALERT_CONCURRENCY, async (agent) => {
    const { ms } = await post(client, agent, batchOf(agent, 2, false));
    latencies.push(ms);
  });
  const seconds = (performance.now() - started) / 1000;
  const alerts = (await pluginAlerts(db)) - before;
  return { alerts, seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

async function benchStore(store: Store): Promise<void> {
  const db = store.open();
  let server: Server | null = null;
  const receiver = await startReceiver();
  let api: Client | null = null;
  try {
    log(`${store.kind}: seeding the admin and ${CLIENTS} clients`);
    await seedAdmin(db);
    const clientIds = await seedClients(db);
    // The simulated agents post only when the bench makes them (a real one posts every minute): without this, agents
    // waiting their turn in a slow phase go "offline" and the sweep raises heartbeat alerts in the middle of it.
    server = await startServer(store.env, { VIGIE_AGENT_OFFLINE_SECONDS: '86400' });
    const s = server;
    api = new Client(s.baseUrl, 16);
    await sleep(2_000);
    emit({ db: store.kind, figure: 'rss-at-rest', ...rssOf(s.pid), loadAvg1: load1() });
    await api.login();
    const tokens = new Map<string, string>();
    for (const clientId of clientIds) {
      const e = await api.ok<{ token: string }>('POST', '/api/v1/monitoring/enrollments', {
        clientId,
        label: 'bench',
        expiresInHours: 24,
      });
      tokens.set(clientId, e.token);
    }

    // 1. throughput
    let t = performance.now();
    const agents = await enrollAgents(api, tokens, clientIds, 0, AGENTS);
    log(`${AGENTS} agents enrolled in ${round((performance.now() - t) / 1000, 1)} s`);
    t = performance.now();
    await createChecks(api, agents, PLUGINS);
    log(`${AGENTS * PLUGINS} plugin checks created in ${round((performance.now() - t) / 1000, 1)} s`);
    const ingestClient = new Client(s.baseUrl, AGENTS);
    if (!args['skip-throughput']) {
      for (const mode of ['saturate', 'paced'] as const) {
        await drive(ingestClient, agents, mode, 3); // warm-up: JIT, series created, caches
        const figures = [];
        for (let run = 1; run <= RUNS; run++) {
          const cpu0 = cpuMs(s.pid);
          const f = await drive(ingestClient, agents, mode, DURATION_S);
          const cpuMsPerBatch = (cpuMs(s.pid) - cpu0) / (f.batchesPerSecond * DURATION_S);
          figures.push(f);
          emit({
            db: store.kind,
            phase: 'throughput',
            mode,
            run,
            agents: AGENTS,
            resultsPerBatch: VALUES + PLUGINS,
            ...(mode === 'paced' ? { offeredResultsPerSecond: RATE } : {}),
            resultsPerSecond: Math.round(f.resultsPerSecond),
            batchesPerSecond: round(f.batchesPerSecond),
            p50Ms: round(f.p50),
            p99Ms: round(f.p99),
            maxMs: round(f.max),
            serverCpuMsPerBatch: round(cpuMsPerBatch, 2),
            rssMb: rssOf(s.pid).rssMb,
            loadAvg1: load1(),
          });
        }
        const rps = median(figures.map((f) => f.resultsPerSecond));
        const p99 = median(figures.map((f) => f.p99));
        emit({
          db: store.kind,
          phase: 'throughput',
          mode,
          summary: true,
          runs: RUNS,
          medianResultsPerSecond: Math.round(rps),
          medianP50Ms: round(median(figures.map((f) => f.p50))),
          medianP99Ms: round(p99),
          goal: GOAL,
          met: rps >= GOAL.resultsPerSecond * 0.98 && p99 <= GOAL.p99Ms,
        });
      }

      // 2. replay
      const before = {
        samples: await count(db, 'metric_samples'),
        changes: await count(db, 'check_changes'),
        alerts: await count(db, 'alerts'),
      };
      const acks = await pool(agents, 16, (agent) => post(ingestClient, agent, agent.last as string));
      const after = {
        samples: await count(db, 'metric_samples'),
        changes: await count(db, 'check_changes'),
        alerts: await count(db, 'alerts'),
      };
      emit({
        db: store.kind,
        phase: 'replay',
        batches: acks.length,
        duplicates: acks.filter((a) => a.ack.duplicate && a.ack.accepted === 0).length,
        samplesAdded: after.samples - before.samples,
        checkChangesAdded: after.changes - before.changes,
        alertsAdded: after.alerts - before.alerts,
        p50Ms: round(
          percentile(
            acks.map((a) => a.ms),
            0.5,
          ),
        ),
      });
    }
    if (args['skip-alerts']) return;

    // 3. new alerts
    t = performance.now();
    const more = await enrollAgents(api, tokens, clientIds, AGENTS, ALERT_AGENTS);
    const all = [...agents, ...more];
    log(`${more.length} more agents enrolled in ${round((performance.now() - t) / 1000, 1)} s`);
    await api.ok('POST', '/api/v1/monitoring/notification-rules', {
      name: 'bench webhook',
      channel: 'webhook',
      target: receiver.url,
      format: 'json',
      minSeverity: 'warning',
    });
    t = performance.now();
    await createChecks(api, all, CHECKS_PER_AGENT);
    const checkCount = all.length * CHECKS_PER_AGENT;
    log(`${checkCount} plugin checks in place after ${round((performance.now() - t) / 1000, 1)} s`);
    // every check OK first (and every agent heard from)
    await pool(all, ALERT_CONCURRENCY, (agent) => post(ingestClient, agent, batchOf(agent, 0, false)));
    await sleep(2_000);
    emit({ db: store.kind, figure: 'rss-agents-enrolled', agents: all.length, checks: checkCount, ...rssOf(s.pid) });
    const rssBefore = rssOf(s.pid).rssMb;
    const cpu0 = cpuMs(s.pid);
    const raised = await raiseAll(ingestClient, db, all);
    const cpuPerAlert = (cpuMs(s.pid) - cpu0) / Math.max(1, raised.alerts);
    // Verification: one open alert per fingerprint, one ticket per alert, one webhook per alert.
    const dupOpen = await db
      .selectFrom('alerts')
      .select('fingerprint')
      .where('status', '=', 'open')
      .groupBy('fingerprint')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    const tickets = await db
      .selectFrom('alerts')
      .leftJoin('tickets', 'tickets.id', 'alerts.ticket_id')
      .select((eb) => [
        eb.fn.countAll<number>().as('alerts'),
        eb.fn.count<number>('tickets.id').as('withTicket'),
        eb.fn.count<number>('alerts.ticket_id').distinct().as('distinctTickets'),
      ])
      .where('alerts.kind', '=', 'problem')
      .executeTakeFirstOrThrow();
    const deliveries = await db
      .selectFrom('notification_deliveries')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('alert_id').distinct().as('alerts')])
      .where('event', '=', 'opened')
      .executeTakeFirstOrThrow();
    // Wait for the sender (a pass every 5 s, 20 posts at a time) to deliver them all.
    const deadline = Date.now() + 300_000;
    const sendStarted = performance.now();
    while (receiver.perAlert.size < raised.alerts && Date.now() < deadline) await sleep(500);
    const sendSeconds = (performance.now() - sendStarted) / 1000;
    await sleep(6_000); // one more pass: a duplicate would show now
    const twice = [...receiver.perAlert.values()].filter((n) => n > 1).length;
    emit({
      db: store.kind,
      phase: 'new-alerts',
      agents: all.length,
      checks: checkCount,
      concurrency: ALERT_CONCURRENCY,
      alerts: raised.alerts,
      seconds: round(raised.seconds, 2),
      alertsPerSecond: Math.round(raised.alerts / raised.seconds),
      batchP50Ms: round(raised.p50),
      batchP99Ms: round(raised.p99),
      serverCpuMsPerAlert: round(cpuPerAlert, 2),
      duplicateOpenFingerprints: dupOpen.length,
      alertsWithoutTicket: Number(tickets.alerts) - Number(tickets.withTicket),
      alertsSharingTicket: Number(tickets.alerts) - Number(tickets.distinctTickets),
      deliveryRows: Number(deliveries.n),
      deliveryRowsAlerts: Number(deliveries.alerts),
      webhooksReceived: receiver.perAlert.size,
      webhooksTwice: twice,
      webhookSeconds: round(sendSeconds, 1),
      goal: GOAL.alertsPerSecond,
      met: raised.alerts / raised.seconds >= GOAL.alertsPerSecond,
      loadAvg1: load1(),
    });
    await sleep(2_000);
    const rssAlerts = rssOf(s.pid);
    emit({
      db: store.kind,
      figure: 'rss-active-alerts',
      activeAlerts: raised.alerts,
      ...rssAlerts,
      kbPerActiveAlert: round(((rssAlerts.rssMb - rssBefore) * 1024) / Math.max(1, raised.alerts), 2),
    });

    // 4. up to --active-alerts open alerts
    if (ACTIVE_ALERTS > raised.alerts) {
      const perAgent = Math.ceil(ACTIVE_ALERTS / all.length);
      await insertChecks(db, all, perAgent);
      const extra = all.map((agent) => ({ ...agent, checks: agent.checks.slice(CHECKS_PER_AGENT) }));
      const rss0 = rssOf(s.pid).rssMb;
      const bigger = await raiseAll(ingestClient, db, extra);
      for (const [i, agent] of extra.entries()) (all[i] as SimAgent).seq = agent.seq;
      await sleep(3_000);
      const open = Number(
        (
          await db
            .selectFrom('alerts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'open')
            .executeTakeFirstOrThrow()
        ).n,
      );
      const rss = rssOf(s.pid);
      emit({
        db: store.kind,
        figure: 'rss-active-alerts',
        activeAlerts: open,
        ...rss,
        addedAlerts: bigger.alerts,
        addedAlertsPerSecond: Math.round(bigger.alerts / bigger.seconds),
        kbPerActiveAlert: round(((rss.rssMb - rssBefore) * 1024) / Math.max(1, open), 2),
        kbPerActiveAlertLastStep: round(((rss.rssMb - rss0) * 1024) / Math.max(1, bigger.alerts), 2),
      });
    }
  } finally {
    api?.close();
    await receiver.close();
    await db.destroy();
    if (server) await server.stop();
    await store.drop();
  }
}

async function main(): Promise<void> {
  emit({ figure: 'host', node: process.version, loadAvg1: load1() });
  const pgUrl = args.pg ?? process.env.VIGIE_TEST_PG_URL ?? DEFAULT_PG;
  if (args.only !== 'postgres') await benchStore(await sqliteStore('ingest'));
  if (args.only !== 'sqlite') {
    if (await postgresReachable(pgUrl)) await benchStore(await postgresStore(pgUrl, 'ingest'));
    else log(`PostgreSQL not reachable at ${pgUrl}: skipped`);
  }
}

await main();
// The keep-alive sockets and the receiver are closed; leave at once.
process.exit(0);
