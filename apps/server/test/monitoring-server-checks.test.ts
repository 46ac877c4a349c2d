/**
 * Server-side checks as the scheduler runs them (issue 5 item 2): each check once per interval at its own phase,
 * also with two server processes on one database; results through the engine (soft, hard, alert, recovery) with
 * their latency recorded; "Run now" from the console.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { openDatabase } from '../src/db/connection.js';
import { buildServices } from '../src/http/services.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness, TEST_AUTH } from './harness.js';
import { ApiClient } from './http-client.js';
import { enrollFakeAgent } from './monitoring-agent-api.js';

const CHECKS = 12;

for (const dialect of DIALECTS) {
  describe(`server checks on their schedule (${dialect})`, () => {
    let h: Harness;
    let target: Server;
    let hits = 0;
    let healthy = true;
    let url: string;
    let assetId: string;

    beforeAll(async () => {
      h = await startHarness(dialect);
      target = createServer((_req, res) => {
        hits++;
        res.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' });
        res.end(healthy ? 'status: ready' : 'maintenance');
      });
      await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;
      const f = factories(h.services);
      const client = await f.client();
      await f.contract(client.id);
      assetId = (await f.asset(client.id, { name: 'web-front' })).id;
    });

    afterAll(async () => {
      await new Promise((resolve) => target?.close(resolve));
      await h?.close();
    });

    it('runs each check once per interval, spread over it, even with two processes claiming', async () => {
      const ids: string[] = [];
      for (let i = 0; i < CHECKS; i++) {
        const check = await h.services.monitoring.checks.create(systemCtx, {
          assetId,
          name: `Site ${i}`,
          config: { kind: 'http', url, keyword: 'ready' },
          intervalSeconds: 60,
          maxAttempts: 2,
        });
        ids.push(check.id);
      }
      const due = await h.db.selectFrom('checks').select('next_run_at').where('id', 'in', ids).execute();
      const phases = new Set(due.map((d) => d.next_run_at));
      expect(phases.size).toBeGreaterThan(CHECKS / 2); // spread, not all at the same instant
      // A second server process on the same database (PostgreSQL; SQLite serves one process by design).
      const second = dialect === 'postgres' ? openDatabase(h.database) : null;
      const runners = [h.services.monitoring.jobs.checkRunner];
      if (second) runners.push(buildServices(second, h.clock, TEST_AUTH).monitoring.jobs.checkRunner);
      try {
        // Two intervals in steps of 10 s: each check runs exactly twice, at its own phase, whoever claims it.
        let runs = 0;
        for (let step = 0; step < 12; step++) {
          h.clock.advance(10_000);
          const counts = await Promise.all(runners.map((runner) => runner.tick()));
          runs += counts.reduce((a, b) => a + b, 0);
        }
        expect(runs).toBe(2 * CHECKS);
        expect(hits).toBe(2 * CHECKS);
      } finally {
        await second?.destroy();
      }
      const check = await h.services.monitoring.checks.get(systemCtx, ids[0] as string);
      expect(check.status).toBe('ok');
      expect(check.output).toMatch(/HTTP 200/);
      const series = await h.services.monitoring.metrics.seriesNames(systemCtx, assetId);
      expect(series.map((s) => s.name)).toContain(`check.latency_ms[${ids[0]}]`);
      for (const id of ids.slice(1)) await h.services.monitoring.checks.remove(systemCtx, id);
    });

    it('turns a failing site into one alert after max attempts, and resolves it when it answers again', async () => {
      healthy = false;
      for (let i = 0; i < 2; i++) {
        h.clock.advance(60_000);
        await h.services.monitoring.jobs.checkRunner.tick();
      }
      const alerts = await h.db.selectFrom('alerts').selectAll().where('status', '=', 'open').execute();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.summary).toMatch(/503/);
      healthy = true;
      h.clock.advance(60_000);
      await h.services.monitoring.jobs.checkRunner.tick();
      expect(await h.db.selectFrom('alerts').select('status').execute()).toEqual([{ status: 'resolved' }]);
    });

    it('runs a server check now from the console, and refuses for an agent check', async () => {
      const manager = new ApiClient(h.baseUrl);
      await manager.login((await factories(h.services).user('manager')).email, PASSWORD);
      const [check] = (await h.services.monitoring.checks.list(systemCtx, { assetId, limit: 10 })).items;
      const before = hits;
      const ran = await manager.request('POST', `/api/v1/monitoring/checks/${check?.id}/run`);
      expect(ran.status).toBe(200);
      expect(hits).toBe(before + 1);
      expect(((await ran.json()) as { status: string }).status).toBe('ok');
      const agent = await enrollFakeAgent(h, check?.clientId as string, 'srv-agent');
      const plugin = await h.services.monitoring.checks.create(systemCtx, {
        assetId: agent.assetId,
        name: 'Load',
        config: { kind: 'plugin', command: ['/usr/lib/nagios/plugins/check_load'] },
      });
      const refused = await manager.request('POST', `/api/v1/monitoring/checks/${plugin.id}/run`);
      expect(refused.status).toBe(409);
    });
  });
}
