/**
 * From an agent's results to alerts and incident tickets, on every database (DOMAIN §6): soft then hard, one alert
 * and one ticket, a replayed batch counted once, recovery resolving an untouched ticket, the same ticket reopened
 * within the window, a worked ticket left to its technician, maintenance silencing then raising at its end, an
 * agent going offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { enrollFakeAgent, type FakeAgent, pluginResult } from './monitoring-agent-api.js';

const MINUTE = 60_000;

for (const dialect of DIALECTS) {
  describe(`alerts and their tickets (${dialect})`, () => {
    let h: Harness;
    let clientId: string;
    let agent: FakeAgent;
    let checkId: string;
    let manager: ApiClient;

    const alertsOf = (id: string, kind = 'problem') =>
      h.db
        .selectFrom('alerts')
        .selectAll()
        .where('check_id', '=', id)
        .where('kind', '=', kind)
        .orderBy('number')
        .execute();
    /** A healthy check reports every minute: a run of OK results (flapping counts changes over the last 21). */
    const settle = async (results = 21) => {
      for (let i = 0; i < results; i++) {
        tick(MINUTE);
        await send(0);
      }
    };
    const ticket = (id: string) =>
      h.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const tick = (ms: number) => h.clock.advance(ms);
    const send = (
      code: number,
      output = code === 0 ? 'DISK OK - 40% used' : 'DISK CRITICAL - 97% used|/=97%;80;90;0;100',
    ) => agent.send([pluginResult(checkId, code, output, h.clock.now())]);

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      const client = await f.client();
      clientId = client.id;
      await f.contract(clientId);
      manager = new ApiClient(h.baseUrl);
      await manager.login((await f.user('manager')).email, PASSWORD);
      agent = await enrollFakeAgent(h, clientId, 'srv-db01');
      const check = await h.services.monitoring.checks.create(systemCtx, {
        assetId: agent.assetId,
        name: 'Disk /',
        config: { kind: 'plugin', command: ['/usr/lib/nagios/plugins/check_disk', '-p', '/'] },
        maxAttempts: 3,
      });
      checkId = check.id;
    });

    afterAll(async () => {
      await h?.close();
    });

    it('raises nothing while the problem is soft, then one alert and one incident ticket when it turns hard', async () => {
      for (let i = 1; i <= 2; i++) {
        tick(MINUTE);
        expect((await send(2)).status).toBe(200);
        const state = await h.services.monitoring.checks.get(systemCtx, checkId);
        expect([state.status, state.hard, state.attempt]).toEqual(['critical', false, i]);
        expect(await alertsOf(checkId)).toHaveLength(0);
      }
      tick(MINUTE);
      await send(2);
      const [alert] = await alertsOf(checkId);
      expect(alert).toMatchObject({ status: 'open', severity: 'critical', kind: 'problem' });
      const t = await ticket(alert?.ticket_id as string);
      expect(t).toMatchObject({ source: 'monitoring', type: 'incident', client_id: clientId, impact: 3, urgency: 1 });
      expect(t.title).toBe('[CRITICAL] srv-db01 — Disk /');
      // perfdata became a series of the asset
      const names = await h.services.monitoring.metrics.seriesNames(systemCtx, agent.assetId);
      expect(names.map((n) => n.name)).toContain(`check./[${checkId}]`);
    });

    it('raises one flapping alert, without a ticket per change, for a check that keeps changing', async () => {
      const flappy = await h.services.monitoring.checks.create(systemCtx, {
        assetId: agent.assetId,
        name: 'Link',
        config: { kind: 'plugin', command: ['/bin/true'] },
        maxAttempts: 1,
      });
      for (let i = 0; i < 10; i++) {
        tick(MINUTE);
        await agent.send([pluginResult(flappy.id, i % 2 === 0 ? 2 : 0, 'link', h.clock.now())]);
      }
      const flapping = await alertsOf(flappy.id, 'flapping');
      expect(flapping).toHaveLength(1);
      expect(flapping[0]).toMatchObject({ status: 'open', ticket_id: null });
      const problems = await alertsOf(flappy.id);
      expect(problems.length).toBeLessThan(5);
      expect(new Set(problems.map((a) => a.ticket_id)).size).toBe(1);
      for (let i = 0; i < 21; i++) {
        tick(MINUTE);
        await agent.send([pluginResult(flappy.id, 0, 'link up', h.clock.now())]);
      }
      expect((await alertsOf(flappy.id, 'flapping'))[0]?.status).toBe('resolved');
      await h.services.monitoring.checks.remove(systemCtx, flappy.id);
    });

    it('acknowledges a replayed batch without counting it twice', async () => {
      const before = await h.db
        .selectFrom('checks')
        .select(['history', 'attempt'])
        .where('id', '=', checkId)
        .executeTakeFirstOrThrow();
      const replay = await agent.send([pluginResult(checkId, 2, 'again', h.clock.now())], { seq: agent.seq });
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ acknowledged: agent.seq, duplicate: true });
      const after = await h.db
        .selectFrom('checks')
        .select(['history', 'attempt'])
        .where('id', '=', checkId)
        .executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect(await alertsOf(checkId)).toHaveLength(1);
    });

    it('resolves the alert and the untouched ticket on recovery', async () => {
      tick(20 * MINUTE);
      await send(0);
      const [alert] = await alertsOf(checkId);
      expect(alert?.status).toBe('resolved');
      expect(alert?.resolved_at).toBe(h.clock.now().toISOString());
      const t = await ticket(alert?.ticket_id as string);
      expect(t.status).toBe('resolved');
      const detail = await manager.json<{ events: { kind: string; body: string }[] }>(
        'GET',
        `/api/v1/monitoring/alerts/${alert?.id}`,
      );
      expect(detail.events.map((e) => e.kind)).toEqual(['opened', 'resolved']);
      expect(detail.events[1]?.body).toMatch(/^Recovered after \d+ min: DISK OK/);
      await settle();
    });

    it('reopens the same ticket when the problem is back within the window, and leaves a worked ticket to its technician', async () => {
      tick(30 * MINUTE);
      for (let i = 0; i < 3; i++) {
        tick(MINUTE);
        await send(2);
      }
      const alerts = await alertsOf(checkId);
      expect(alerts).toHaveLength(2);
      expect(alerts[1]?.ticket_id).toBe(alerts[0]?.ticket_id);
      const t = await ticket(alerts[1]?.ticket_id as string);
      expect(t.status).toBe('assigned');
      // A person takes it: the recovery adds a note, the technician decides.
      expect((await manager.request('POST', `/api/v1/tickets/${t.id}/take`)).status).toBe(200);
      tick(5 * MINUTE);
      await send(0);
      expect((await alertsOf(checkId))[1]?.status).toBe('resolved');
      expect((await ticket(t.id)).status).toBe('in_progress');
      const notes = await h.db
        .selectFrom('ticket_events')
        .select('body')
        .where('ticket_id', '=', t.id)
        .where('kind', '=', 'note')
        .execute();
      expect(notes.some((n) => n.body?.includes('Recovered after 5 min'))).toBe(true);
      await settle();
    });

    it('opens a new ticket once the reopen window has passed', async () => {
      tick(5 * 60 * MINUTE);
      for (let i = 0; i < 3; i++) {
        tick(MINUTE);
        await send(1, 'DISK WARNING - 85% used');
      }
      const alerts = await alertsOf(checkId);
      expect(alerts).toHaveLength(3);
      expect(alerts[2]?.severity).toBe('warning');
      expect(alerts[2]?.ticket_id).not.toBe(alerts[1]?.ticket_id);
      expect((await ticket(alerts[2]?.ticket_id as string)).urgency).toBe(2);
      // a change of severity updates the open alert (no second alert)
      tick(MINUTE);
      await send(2);
      const again = await alertsOf(checkId);
      expect(again).toHaveLength(3);
      expect(again[2]).toMatchObject({ severity: 'critical', change_seq: 2 });
      await settle();
      expect((await alertsOf(checkId, 'flapping')).filter((a) => a.status === 'open')).toHaveLength(0);
    });

    it('silences a problem inside a maintenance window and raises it when the window ends', async () => {
      const window = await h.services.monitoring.maintenance.create(systemCtx, {
        clientId,
        scope: 'asset',
        scopeId: agent.assetId,
        title: 'Disk replacement',
        startsAt: new Date(h.clock.now().getTime() - MINUTE).toISOString(),
        durationMinutes: 30,
      });
      const count = (await alertsOf(checkId)).length;
      for (let i = 0; i < 3; i++) {
        tick(MINUTE);
        await send(2);
      }
      expect((await h.services.monitoring.checks.get(systemCtx, checkId)).inMaintenance).toBe(true);
      expect(await alertsOf(checkId)).toHaveLength(count);
      await h.services.monitoring.jobs.sweep.tick();
      expect(await alertsOf(checkId)).toHaveLength(count);
      tick(30 * MINUTE);
      await h.services.monitoring.jobs.sweep.tick();
      const alerts = await alertsOf(checkId);
      expect(alerts).toHaveLength(count + 1);
      expect(alerts[count]).toMatchObject({ status: 'open', severity: 'critical' });
      expect(alerts[count]?.opened_at).toBe(h.clock.now().toISOString());
      await h.services.monitoring.maintenance.remove(systemCtx, window.id);
      await settle();
    });

    it('marks a silent agent offline (one alert) and back when it reports again', async () => {
      await settle(1);
      tick(6 * MINUTE);
      const result = await h.services.monitoring.jobs.sweep.tick();
      expect(result.offline).toBe(1);
      const heartbeat = await h.db
        .selectFrom('checks')
        .select('id')
        .where('asset_id', '=', agent.assetId)
        .where('kind', '=', 'heartbeat')
        .executeTakeFirstOrThrow();
      const offline = (await alertsOf(heartbeat.id)).at(-1);
      expect(offline).toMatchObject({ status: 'open', severity: 'critical' });
      expect(offline?.summary).toMatch(/No contact from the agent for 6 min/);
      expect((await h.services.monitoring.jobs.sweep.tick()).offline).toBe(0);
      tick(MINUTE);
      await agent.send([
        { type: 'metrics', at: h.clock.now().toISOString(), values: [{ name: 'cpu.percent', value: 12 }] },
      ]);
      expect((await alertsOf(heartbeat.id)).at(-1)?.status).toBe('resolved');
    });

    it('shows the board to the client manager of this client only', async () => {
      const f = factories(h.services);
      const own = new ApiClient(h.baseUrl);
      await own.login((await f.user('client_manager', clientId)).email, PASSWORD);
      const stranger = new ApiClient(h.baseUrl);
      await stranger.login((await f.user('client_manager', (await f.client()).id)).email, PASSWORD);
      const list = await own.json<{ items: { id: string }[] }>('GET', '/api/v1/monitoring/alerts?status=all');
      expect(list.items.length).toBeGreaterThan(0);
      const foreign = await stranger.json<{ items: unknown[] }>('GET', '/api/v1/monitoring/alerts?status=all');
      expect(foreign.items).toHaveLength(0);
      const id = list.items[0]?.id;
      expect((await stranger.request('GET', `/api/v1/monitoring/alerts/${id}`)).status).toBe(404);
      expect((await own.request('POST', `/api/v1/monitoring/alerts/${id}/acknowledge`, {})).status).toBe(403);
    });
  });
}
