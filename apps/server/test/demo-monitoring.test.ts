import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertListQuery } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { systemCtx } from '../src/core/actor.js';
import { type Running, startServer } from '../src/main.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './databases.js';

// `vigie start` on a new demo database, as main.ts starts it (scheduler on, demo on, demo agent on): the real
// vigie-agent runs as a child of the server and the demo service goes down once. Timings are shortened: the agent
// measures every 2 s, the demo service is down from +4 s to +34 s and its check runs every 10 s.
const DEMO_TIMINGS = { metricsSeconds: 2, demoService: { upMs: 4_000, downMs: 30_000, intervalSeconds: 10 } };

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.each(DIALECTS)('the demo supervision of `vigie start` (%s)', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  let running: Running | null = null;
  const pids: number[] = [];

  const configFor = () =>
    loadConfig({
      VIGIE_DATA_DIR: dataDir,
      ...(database.database.kind === 'postgres' ? { DATABASE_URL: database.database.url } : {}),
      VIGIE_HTTP_HOST: '127.0.0.1',
      VIGIE_HTTP_PORT: '0',
      VIGIE_SMTP_PORT: '0',
      VIGIE_DEMO: 'on',
      VIGIE_DEMO_AGENT: 'on',
      VIGIE_ADMIN_PASSWORD: 'first admin password',
      VIGIE_LOG_LEVEL: 'silent',
      VIGIE_WEB_DIR: '/nonexistent',
    });
  const start = async () => {
    const started = await startServer(configFor(), { logger: false, mail: false, demoSupervision: DEMO_TIMINGS });
    running = started;
    const pid = started.demoSupervision?.agentPid;
    if (pid) pids.push(pid);
    return started;
  };
  const demo = () => {
    if (!running?.demoSupervision) throw new Error('the demo supervision is not running');
    return { services: running.services, supervision: running.demoSupervision };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigie-demo-monitoring-'));
    database = await createTestDatabase(dialect);
    await start();
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the machine as an Acme asset with its maintenance window and mail rule, and says so', async () => {
    const { services, supervision } = demo();
    expect(running?.demoLoaded).toBe(true);
    expect(supervision.summary.agent).toEqual({ metricsSeconds: 2 });
    expect(supervision.summary.serverChecks).toBeGreaterThanOrEqual(2);
    const asset = await services.db
      .selectFrom('assets')
      .innerJoin('clients', 'clients.id', 'assets.client_id')
      .select(['assets.name', 'clients.code'])
      .where('assets.id', '=', supervision.assetId)
      .executeTakeFirstOrThrow();
    expect(asset.code).toBe('ACME');
    const windows = await services.monitoring.maintenance.list(systemCtx, {});
    expect(windows.items.some((w) => w.rrule?.includes('BYDAY=SU'))).toBe(true);
    const rules = await services.monitoring.notifications.listRules(systemCtx);
    expect(rules.items.map((r) => [r.channel, r.target])).toContainEqual(['email', 'paul.martin@vigie.local']);
  });

  it('runs the real agent: enrolled, online, sending this machine’s CPU', async () => {
    const { services, supervision } = demo();
    expect(supervision.agentPid).not.toBeNull();
    const agent = await waitFor('the demo agent online', async () => {
      const { items } = await services.monitoring.agents.list(systemCtx);
      return items.find((a) => a.assetId === supervision.assetId && a.online && a.version);
    });
    expect(agent.status).toBe('active');
    await waitFor('cpu.percent samples', async () => {
      const row = await services.db
        .selectFrom('metric_samples')
        .innerJoin('metric_series', 'metric_series.id', 'metric_samples.series_id')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('metric_series.asset_id', '=', supervision.assetId)
        .where('metric_series.name', '=', 'cpu.percent')
        .executeTakeFirstOrThrow();
      return Number(row.n) > 0;
    });
  }, 90_000);

  it('runs the server checks against Vigie itself', async () => {
    const { services, supervision } = demo();
    const readyz = await waitFor('the /readyz check OK', async () => {
      const row = await services.db
        .selectFrom('checks')
        .select(['id', 'status'])
        .where('asset_id', '=', supervision.assetId)
        .where('kind', '=', 'http')
        .executeTakeFirst();
      return row?.status === 'ok' ? row : undefined;
    });
    const view = await services.monitoring.checks.get(systemCtx, readyz.id);
    expect(view.output).toMatch(/200/);
    expect(view.lastResultAt).not.toBeNull();
  }, 60_000);

  it('shows one alert cycle: the demo service goes down, its alert opens a ticket, the recovery resolves both', async () => {
    const { services, supervision } = demo();
    const alertOf = async () => {
      const page = await services.monitoring.alerts.list(
        systemCtx,
        AlertListQuery.parse({ status: 'all', assetId: supervision.assetId }),
      );
      return page.items.find((a) => a.checkName.startsWith('Service de démo'));
    };
    const opened = await waitFor('the demo service alert with its ticket', async () => {
      const alert = await alertOf();
      return alert?.ticket ? alert : undefined;
    });
    expect(opened.severity).toBe('critical');
    const resolved = await waitFor(
      'the recovery',
      async () => {
        const alert = await alertOf();
        return alert?.status === 'resolved' && alert.ticket?.status === 'resolved' ? alert : undefined;
      },
      75_000,
    );
    expect(resolved.ticket?.id).toBe(opened.ticket?.id);
    // The demo's mail rule told the manager twice: the alert, then its recovery.
    const events = await services.db
      .selectFrom('notification_deliveries')
      .select('event')
      .where('alert_id', '=', opened.id)
      .execute();
    expect(events.map((e) => e.event).sort()).toEqual(['opened', 'resolved']);
  }, 120_000);

  it('stops its agent with the server, and on the next start runs it again without a new enrollment', async () => {
    const first = demo().supervision.agentPid as number;
    await running?.stop();
    running = null;
    expect(alive(first)).toBe(false);
    expect(existsSync(join(dataDir, 'demo-agent', 'agent.json'))).toBe(true);

    const again = await start();
    expect(again.demoLoaded).toBe(false);
    expect(again.demoSupervision?.agentPid).toBeGreaterThan(0);
    const { items } = await again.services.monitoring.agents.list(systemCtx);
    expect(items.filter((a) => a.status === 'active')).toHaveLength(1);
    const second = again.demoSupervision?.agentPid as number;
    await again.stop();
    running = null;
    expect(alive(second)).toBe(false);
  }, 60_000);
});
