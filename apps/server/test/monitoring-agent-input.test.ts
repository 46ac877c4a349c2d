/**
 * What the agent API does with bad input and faults (issue 5): unknown, revoked and rotated credentials, expired
 * enrollment tokens, malformed and oversized batches, unknown checks, broken perfdata, a killed plugin, clock skew.
 * A clear refusal or an UNKNOWN state, never a crash, and nothing half-written.
 */
import { AGENT_BATCH_MAX_ITEMS } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { enrollFakeAgent, type FakeAgent, pluginResult } from './monitoring-agent-api.js';

for (const dialect of DIALECTS) {
  describe(`the agent API refuses bad input clearly (${dialect})`, () => {
    let h: Harness;
    let clientId: string;
    let agent: FakeAgent;
    let checkId: string;

    const post = (path: string, body: unknown, credential?: string) =>
      fetch(`${h.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(credential ? { authorization: `Bearer ${credential}` } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const errorOf = async (response: Response) =>
      ((await response.json()) as { error: { code: string; message: string } }).error;
    /** A chart period that holds "now" (periods are half-open). */
    const hourAround = (): [Date, Date] => [
      new Date(h.clock.now().getTime() - 3_600_000),
      new Date(h.clock.now().getTime() + 60_000),
    ];
    const lastSeq = async () =>
      (await h.db.selectFrom('agents').select('last_seq').where('id', '=', agent.agentId).executeTakeFirstOrThrow())
        .last_seq;

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      clientId = (await f.client()).id;
      await f.contract(clientId);
      agent = await enrollFakeAgent(h, clientId, 'srv-web01');
      checkId = (
        await h.services.monitoring.checks.create(systemCtx, {
          assetId: agent.assetId,
          name: 'HTTP app',
          config: { kind: 'plugin', command: ['/usr/lib/nagios/plugins/check_http', '-H', 'localhost'] },
          maxAttempts: 1,
        })
      ).id;
    });

    afterAll(async () => {
      await h?.close();
    });

    it('refuses an unknown credential and a missing one', async () => {
      const unknown = await post(
        '/api/v1/agent/batches',
        { seq: 1, sentAt: new Date().toISOString(), items: [] },
        'vga_nope',
      );
      expect(unknown.status).toBe(401);
      expect((await errorOf(unknown)).code).toBe('agent_unknown');
      const none = await post('/api/v1/agent/batches', { seq: 1, sentAt: new Date().toISOString(), items: [] });
      expect(none.status).toBe(401);
    });

    it('refuses an expired or revoked enrollment token', async () => {
      const created = await h.services.monitoring.agents.createEnrollment(systemCtx, {
        clientId,
        label: 'short',
        expiresInHours: 1,
      });
      h.clock.advance(2 * 3_600_000);
      const expired = await post('/api/v1/agent/enroll', {
        token: created.token,
        hostname: 'x',
        os: { name: 'Debian' },
        agentVersion: '1',
      });
      expect(expired.status).toBe(401);
      expect((await errorOf(expired)).code).toBe('enrollment_invalid');
      const revoked = await h.services.monitoring.agents.createEnrollment(systemCtx, { clientId, label: 'revoked' });
      await h.services.monitoring.agents.revokeEnrollment(systemCtx, revoked.id);
      const refused = await post('/api/v1/agent/enroll', {
        token: revoked.token,
        hostname: 'y',
        os: { name: 'Debian' },
        agentVersion: '1',
      });
      expect(refused.status).toBe(401);
    });

    it('refuses malformed and oversized batches, writing nothing', async () => {
      const before = await lastSeq();
      const broken = await post('/api/v1/agent/batches', '{"seq": 1, "items": [', agent.credential);
      expect(broken.status).toBe(400);
      const wrongType = await post(
        '/api/v1/agent/batches',
        { seq: before + 1, sentAt: new Date().toISOString(), items: [{ type: 'teleport', at: 'now' }] },
        agent.credential,
      );
      expect(wrongType.status).toBe(400);
      expect((await errorOf(wrongType)).message).toMatch(/items/);
      const tooMany = await post(
        '/api/v1/agent/batches',
        {
          seq: before + 1,
          sentAt: new Date().toISOString(),
          items: Array.from({ length: AGENT_BATCH_MAX_ITEMS + 1 }, () => ({
            type: 'metrics',
            at: new Date().toISOString(),
            values: [],
          })),
        },
        agent.credential,
      );
      expect(tooMany.status).toBe(400);
      const huge = await post(
        '/api/v1/agent/batches',
        {
          seq: before + 1,
          sentAt: new Date().toISOString(),
          items: [pluginResult(checkId, 0, 'x'.repeat(5 * 1024 * 1024), new Date())],
        },
        agent.credential,
      );
      expect(huge.status).toBe(413);
      expect(await lastSeq()).toBe(before);
    });

    it('keeps the good items of a batch and names the ones it refuses', async () => {
      const now = h.clock.now();
      const answer = await agent.send([
        pluginResult('01a22561-e52a-723e-a0fe-9f1d0e612614', 2, 'no such check', now),
        { type: 'metrics', at: now.toISOString(), values: [{ name: 'cpu.percent', value: 42 }] },
      ]);
      expect(answer.status).toBe(200);
      expect(answer.body.rejected).toEqual([{ index: 0, reason: 'unknown check' }]);
      expect(answer.body.accepted).toBe(1);
      const series = await h.services.monitoring.metrics.series(
        systemCtx,
        agent.assetId,
        ['cpu.percent'],
        ...hourAround(),
      );
      expect(series[0]?.points.at(-1)?.avg).toBe(42);
    });

    it("refuses results for another asset's or another client's checks", async () => {
      const f = factories(h.services);
      const otherClient = (await f.client()).id;
      const otherAgent = await enrollFakeAgent(h, otherClient, 'srv-other');
      const foreignPlugin = (
        await h.services.monitoring.checks.create(systemCtx, {
          assetId: otherAgent.assetId,
          name: 'Other disk',
          config: { kind: 'plugin', command: ['/usr/lib/nagios/plugins/check_disk'] },
          maxAttempts: 1,
        })
      ).id;
      const ownHttp = (
        await h.services.monitoring.checks.create(systemCtx, {
          assetId: agent.assetId,
          name: 'Own site',
          config: { kind: 'tcp', host: '127.0.0.1', port: 9 },
          maxAttempts: 1,
        })
      ).id;
      const foreignHeartbeat = await h.db
        .selectFrom('checks')
        .select('id')
        .where('asset_id', '=', otherAgent.assetId)
        .where('kind', '=', 'heartbeat')
        .executeTakeFirstOrThrow();
      const now = h.clock.now();
      const answer = await agent.send([
        pluginResult(foreignPlugin, 2, 'DISK CRITICAL', now),
        pluginResult(foreignHeartbeat.id, 2, 'gone', now),
        pluginResult(ownHttp, 2, 'down', now),
      ]);
      expect(answer.status).toBe(200);
      expect(answer.body.rejected).toEqual([
        { index: 0, reason: 'unknown check' },
        { index: 1, reason: 'unknown check' },
        { index: 2, reason: 'unknown check' },
      ]);
      for (const id of [foreignPlugin, foreignHeartbeat.id, ownHttp]) {
        const row = await h.db.selectFrom('checks').select('status').where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.status).not.toBe('critical');
      }
      const alerts = await h.db.selectFrom('alerts').select('id').where('client_id', '=', otherClient).execute();
      expect(alerts).toEqual([]);
    });

    it('turns broken perfdata into a note and a killed plugin into UNKNOWN', async () => {
      h.clock.advance(60_000);
      await agent.send([pluginResult(checkId, 0, "HTTP OK|'time=oops;;; size=12B", h.clock.now())]);
      let check = await h.services.monitoring.checks.get(systemCtx, checkId);
      expect(check.status).toBe('ok');
      expect(check.output).toMatch(/^HTTP OK \(perfdata ignored: /);
      h.clock.advance(60_000);
      const killed = {
        type: 'check' as const,
        checkId,
        at: h.clock.now().toISOString(),
        exitCode: null,
        output: 'timed out after 10 s',
        durationMs: 10_000,
      };
      await agent.send([killed]);
      check = await h.services.monitoring.checks.get(systemCtx, checkId);
      expect(check.status).toBe('unknown');
      const [alert] = await h.db.selectFrom('alerts').selectAll().where('check_id', '=', checkId).execute();
      expect(alert?.severity).toBe('unknown');
      h.clock.advance(60_000);
      await agent.send([pluginResult(checkId, 0, 'HTTP OK', h.clock.now())]);
    });

    it('corrects the times of an agent whose clock is two hours late', async () => {
      // A machine whose clock is two hours behind in every batch (one late request alone is a transit delay).
      const late = await enrollFakeAgent(h, clientId, 'srv-late-clock');
      for (let i = 0; i < 3; i++) {
        h.clock.advance(60_000);
        const agentNow = new Date(h.clock.now().getTime() - 2 * 3_600_000);
        const value = { name: 'load.1', value: i };
        await late.send([{ type: 'metrics', at: agentNow.toISOString(), values: [value] }], { sentAt: agentNow });
      }
      const series = await h.services.monitoring.metrics.series(systemCtx, late.assetId, ['load.1'], ...hourAround());
      expect(series[0]?.points.at(-1)).toMatchObject({ t: h.clock.now().toISOString(), avg: 2 });
      // The usual agent, one request late by two hours: taken as a delay, its times are kept.
      const sentLate = new Date(h.clock.now().getTime() - 2 * 3_600_000);
      const own = new Date(h.clock.now().getTime() - 30_000);
      await agent.send(
        [{ type: 'metrics', at: own.toISOString(), values: [{ name: 'swap.used_percent', value: 1 }] }],
        {
          sentAt: sentLate,
        },
      );
      const swap = await h.services.monitoring.metrics.series(
        systemCtx,
        agent.assetId,
        ['swap.used_percent'],
        ...hourAround(),
      );
      expect(swap[0]?.points.at(-1)?.t).toBe(own.toISOString());
    });

    it('rotates a credential on request and refuses a revoked agent', async () => {
      await h.services.monitoring.agents.requestRotation(systemCtx, agent.agentId);
      const config = await fetch(`${h.baseUrl}/api/v1/agent/config`, {
        headers: { authorization: `Bearer ${agent.credential}` },
      });
      expect(((await config.json()) as { rotateCredential: boolean }).rotateCredential).toBe(true);
      const rotated = await post('/api/v1/agent/rotate', {}, agent.credential);
      const { credential } = (await rotated.json()) as { credential: string };
      const old = agent.credential;
      // the old one still works until the new one is used
      expect(
        (await post('/api/v1/agent/batches', { seq: ++agent.seq, sentAt: h.clock.now().toISOString(), items: [] }, old))
          .status,
      ).toBe(200);
      agent.credential = credential;
      expect((await agent.send([])).status).toBe(200);
      const stale = await post(
        '/api/v1/agent/batches',
        { seq: ++agent.seq, sentAt: h.clock.now().toISOString(), items: [] },
        old,
      );
      expect(stale.status).toBe(401);
      await h.services.monitoring.agents.revoke(systemCtx, agent.agentId);
      const revoked = await agent.send([]);
      expect(revoked.status).toBe(401);
      expect((revoked.body as unknown as { error: { code: string } }).error.code).toBe('agent_revoked');
    });

    it('counts what agents sent on /metrics', async () => {
      const text = await (await fetch(`${h.baseUrl}/metrics`)).text();
      const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
      expect(value('vigie_agent_batches_total')).toBeGreaterThanOrEqual(5);
      expect(value('vigie_agent_results_total')).toBeGreaterThanOrEqual(4);
      expect(text).toMatch(/^vigie_notifications_pending 0$/m);
      expect(text).toMatch(/^vigie_alerts_open \d+$/m);
    });
  });
}
