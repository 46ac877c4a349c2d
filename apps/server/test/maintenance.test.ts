import type { MaintenanceView } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { newId } from '../src/core/ids.js';
import { MaintenanceService } from '../src/modules/monitoring/maintenance/maintenance.service.js';
import { occurrences } from '../src/modules/monitoring/maintenance/maintenance-recurrence.js';
import { insertCheck } from './check-rows.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';

const span = (o: { start: string | Date; end: string | Date }) => [
  new Date(o.start).toISOString(),
  new Date(o.end).toISOString(),
];

describe('maintenance occurrences', () => {
  it('restarts long-running rules near the period without changing an occurrence', () => {
    const rules = ['FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,WE', 'FREQ=DAILY;INTERVAL=3', 'FREQ=HOURLY;INTERVAL=7;BYMINUTE=15'];
    for (const rule of rules) {
      const shape = {
        startsAt: new Date('2024-01-07T01:00:00Z'),
        durationMinutes: 60,
        rrule: rule,
        timeZone: 'Europe/Paris',
      };
      const from = new Date('2026-03-20T00:00:00Z');
      const to = new Date('2026-04-10T00:00:00Z');
      // The same rule with COUNT set far away is walked from its first start: the reference.
      const walked = occurrences({ ...shape, rrule: `${rule};COUNT=100000` }, from, to);
      expect(occurrences(shape, from, to).map(span), rule).toEqual(walked.map(span));
      expect(walked.length, rule).toBeGreaterThan(2);
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`maintenance windows (${dialect})`, () => {
    let h: Harness;
    const api: Record<string, ApiClient> = {};
    let clientId: string;
    let otherId: string;
    let siteId: string;
    let asset: { id: string; clientId: string };
    let otherAsset: { id: string; clientId: string };
    let checkId: string;
    let weeklyId: string;

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      const client = await f.client({ name: 'Atelier Nord', timeZone: 'Europe/Paris' });
      const other = await f.client({ name: 'Other Ltd', timeZone: 'America/New_York' });
      clientId = client.id;
      otherId = other.id;
      siteId = (await f.site(clientId, 'Lille')).id;
      asset = { id: (await f.asset(clientId, { name: 'srv-files', siteId } as never)).id, clientId };
      otherAsset = { id: (await f.asset(otherId, { name: 'nas-b' })).id, clientId: otherId };
      checkId = await insertCheck(h.db, asset, 'HTTPS intranet');
      const people = {
        tech: await f.user('technician'),
        techB: await f.user('technician'),
        manager: await f.user('manager'),
        clientManager: await f.user('client_manager', clientId),
        requester: await f.user('requester', clientId),
        managerOfB: await f.user('client_manager', otherId),
      };
      await h.services.teams.create(systemCtx, {
        name: 'Desk A',
        description: null,
        memberIds: [people.tech.id],
        clientIds: [clientId],
      });
      await h.services.teams.create(systemCtx, {
        name: 'Desk B',
        description: null,
        memberIds: [people.techB.id],
        clientIds: [otherId],
      });
      for (const [key, person] of Object.entries(people)) {
        api[key] = new ApiClient(h.baseUrl);
        expect((await api[key].login(person.email, PASSWORD)).status).toBe(200);
      }
    });
    afterAll(() => h?.close());

    const list = (who: string, query: string) =>
      (api[who] as ApiClient).json<{ items: MaintenanceView[] }>('GET', `/api/v1/monitoring/maintenance?${query}`);

    it('keeps a weekly Sunday 02:00–04:00 Paris window at 02:00 on the wall across both DST changes', async () => {
      const created = await (api.tech as ApiClient).json<MaintenanceView>('POST', '/api/v1/monitoring/maintenance', {
        clientId,
        scope: 'asset',
        scopeId: asset.id,
        title: 'Mises à jour du dimanche',
        startsAt: '2026-03-01T01:00:00Z', // Sunday 1 March, 02:00 in Paris (UTC+1)
        durationMinutes: 120,
        rrule: 'FREQ=WEEKLY;BYDAY=SU',
      });
      weeklyId = created.id;
      expect(created).toMatchObject({ timeZone: 'Europe/Paris', scopeName: 'srv-files', clientName: 'Atelier Nord' });
      // 2 March 09:00Z: the next 35 days hold five Sundays.
      expect(created.occurrences).toHaveLength(5);

      const march = await list('tech', `clientId=${clientId}&from=2026-03-20T00:00:00Z&to=2026-04-10T00:00:00Z`);
      expect(march.items.map((w) => w.occurrences.map(span))).toEqual([
        [
          ['2026-03-22T01:00:00.000Z', '2026-03-22T03:00:00.000Z'], // 02:00–04:00 CET
          ['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z'], // 02:00 does not exist: 03:00–04:00 CEST
          ['2026-04-05T00:00:00.000Z', '2026-04-05T02:00:00.000Z'], // 02:00–04:00 CEST
        ],
      ]);
      const october = await list('tech', `clientId=${clientId}&from=2026-10-20T00:00:00Z&to=2026-11-02T00:00:00Z`);
      expect(october.items[0]?.occurrences.map(span)).toEqual([
        ['2026-10-25T00:00:00.000Z', '2026-10-25T03:00:00.000Z'], // first 02:00 (CEST) to 04:00 CET: three hours
        ['2026-11-01T01:00:00.000Z', '2026-11-01T03:00:00.000Z'], // 02:00–04:00 CET
      ]);
      // Nothing in a period without occurrences: the calendar stays empty there.
      expect(
        (await list('tech', `clientId=${clientId}&from=2026-03-02T10:00:00Z&to=2026-03-08T00:00:00Z`)).items,
      ).toEqual([]);
    });

    it('answers the engine: covering windows merged when chained, active window, windows that ended', async () => {
      const m = h.services.monitoring.maintenance;
      const ref = { clientId, siteId, assetId: asset.id, checkId };
      const elsewhere = { clientId, siteId: null, assetId: newId(), checkId: newId() };
      // A client-wide window right after the Sunday one on 5 April: 04:00–05:00 CEST.
      await (api.manager as ApiClient).json('POST', '/api/v1/monitoring/maintenance', {
        clientId,
        scope: 'client',
        scopeId: clientId,
        title: 'Firewall',
        startsAt: '2026-04-05T02:00:00Z',
        durationMinutes: 60,
      });
      expect((await m.activeAt(ref, new Date('2026-04-05T01:00:00Z')))?.end.toISOString()).toBe(
        '2026-04-05T03:00:00.000Z',
      );
      expect(span((await m.activeAt(ref, new Date('2026-04-05T00:30:00Z'))) as { start: Date; end: Date })).toEqual([
        '2026-04-05T00:00:00.000Z',
        '2026-04-05T03:00:00.000Z',
      ]);
      expect(await m.activeAt(ref, new Date('2026-04-05T03:00:00Z'))).toBeNull();
      expect(await m.activeAt(elsewhere, new Date('2026-04-05T01:00:00Z'))).toBeNull();
      expect((await m.activeAt(elsewhere, new Date('2026-04-05T02:30:00Z')))?.start.toISOString()).toBe(
        '2026-04-05T02:00:00.000Z',
      );
      const covering = await m.coveringWindows(ref, new Date('2026-03-28T00:00:00Z'), new Date('2026-04-06T00:00:00Z'));
      expect(covering.map(span)).toEqual([
        ['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z'],
        ['2026-04-05T00:00:00.000Z', '2026-04-05T03:00:00.000Z'],
      ]);
      const ended = await m.endedBetween(new Date('2026-04-05T01:30:00Z'), new Date('2026-04-05T03:00:00Z'));
      expect(ended.map((e) => [e.scope, e.endedAt.toISOString()])).toEqual([
        ['asset', '2026-04-05T02:00:00.000Z'],
        ['client', '2026-04-05T03:00:00.000Z'],
      ]);
      expect(ended[0]).toMatchObject({ windowId: weeklyId, clientId, scopeId: asset.id });
    });

    it('sees another server process’s window within 30 seconds', async () => {
      const m = h.services.monitoring.maintenance;
      const ref = { clientId, siteId, assetId: asset.id, checkId };
      const at = new Date('2026-06-01T10:00:00Z');
      expect(await m.activeAt(ref, at)).toBeNull();
      const otherProcess = new MaintenanceService(h.db, h.clock, h.services.audit);
      const written = await otherProcess.create(systemCtx, {
        clientId,
        scope: 'site',
        scopeId: siteId,
        title: 'Coupure électrique',
        startsAt: '2026-06-01T09:00:00Z',
        durationMinutes: 180,
      });
      expect(await m.activeAt(ref, at)).toBeNull(); // still the copy in memory
      h.clock.advance(31_000);
      expect((await m.activeAt(ref, at))?.end.toISOString()).toBe('2026-06-01T12:00:00.000Z');
      await otherProcess.remove(systemCtx, written.id);
      h.clock.advance(31_000);
      expect(await m.activeAt(ref, at)).toBeNull();
    });

    it('refuses bad rules, too frequent rules, long windows and targets of another client, naming the field', async () => {
      const post = (body: Record<string, unknown>) =>
        (api.tech as ApiClient).request('POST', '/api/v1/monitoring/maintenance', {
          clientId,
          scope: 'asset',
          scopeId: asset.id,
          title: 'Test',
          startsAt: '2026-03-08T01:00:00Z',
          durationMinutes: 60,
          ...body,
        });
      const refusal = async (body: Record<string, unknown>) => {
        const response = await post(body);
        return { status: response.status, error: ((await response.json()) as { error: { message: string } }).error };
      };
      expect(await refusal({ rrule: 'FREQ=WEEKLY;BYDAY=XX' })).toMatchObject({
        status: 400,
        error: { message: expect.stringContaining('rrule: not a valid RRULE') },
      });
      expect(await refusal({ rrule: 'FREQ=MINUTELY;INTERVAL=5' })).toMatchObject({
        status: 400,
        error: { message: 'rrule: more than one occurrence per 10 minutes' },
      });
      expect(await refusal({ rrule: 'FREQ=HOURLY;BYMINUTE=0,5' })).toMatchObject({ status: 400 });
      expect(await refusal({ rrule: 'FREQ=DAILY;COUNT=0' })).toMatchObject({
        status: 400,
        error: { message: 'rrule: the rule produces no occurrence' },
      });
      expect(await refusal({ rrule: 'FREQ=DAILY;TZID=Europe/Paris' })).toMatchObject({ status: 400 });
      // A rule that never matches is refused at once, without walking the calendar to year 9999 (held ~25 s).
      const never = [
        'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
        'FREQ=MINUTELY;INTERVAL=15;BYMONTH=4;BYMONTHDAY=31',
        'FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30',
        // from 01:00 (Paris, startsAt 00:00Z) every two hours: never at 02:00; rrule looped forever on it
        'FREQ=HOURLY;INTERVAL=2;BYHOUR=2',
        'FREQ=MINUTELY;INTERVAL=20;BYMINUTE=5',
      ];
      for (const rule of never) {
        const started = Date.now();
        expect(await refusal({ rrule: rule, startsAt: '2026-03-08T00:00:00Z' }), rule).toMatchObject({
          status: 400,
          error: { message: 'rrule: the rule produces no occurrence' },
        });
        expect(Date.now() - started).toBeLessThan(2_000);
      }
      // ...while sparse rules that do come stay accepted: the leap day, every two hours at odd hours from 01:00
      for (const rule of ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=HOURLY;INTERVAL=2;BYHOUR=3,5']) {
        const accepted = await post({ rrule: rule, startsAt: '2026-03-08T00:00:00Z' });
        expect(accepted.status, rule).toBe(201);
        const { id } = (await accepted.json()) as { id: string };
        await (api.tech as ApiClient).request('DELETE', `/api/v1/monitoring/maintenance/${id}`);
      }
      expect((await refusal({ durationMinutes: 14 * 24 * 60 + 1 })).status).toBe(400);
      expect((await refusal({ timeZone: 'Mars/Olympus' })).status).toBe(400);
      expect(await refusal({ scopeId: otherAsset.id })).toMatchObject({
        status: 422,
        error: { message: 'scopeId: no such asset at this client' },
      });
      expect(await refusal({ scope: 'site', scopeId: asset.id })).toMatchObject({
        status: 422,
        error: { message: 'scopeId: no such site at this client' },
      });
      // Every ten minutes is the densest rule accepted.
      const dense = await post({ rrule: 'FREQ=MINUTELY;INTERVAL=10', scope: 'check', scopeId: checkId });
      expect(dense.status).toBe(201);
      const { id } = (await dense.json()) as { id: string };
      expect((await (api.tech as ApiClient).request('DELETE', `/api/v1/monitoring/maintenance/${id}`)).status).toBe(
        204,
      );
    });

    it('edits and deletes a window with an audit entry for each change', async () => {
      const tech = api.tech as ApiClient;
      const edited = await tech.json<MaintenanceView>(
        'PATCH',
        `/api/v1/monitoring/maintenance/${weeklyId}`,
        { title: 'Une seule fois', rrule: null, startsAt: '2026-03-15T01:00:00Z' },
        200,
      );
      expect(edited).toMatchObject({ title: 'Une seule fois', rrule: null, durationMinutes: 120 });
      expect(edited.occurrences.map(span)).toEqual([['2026-03-15T01:00:00.000Z', '2026-03-15T03:00:00.000Z']]);
      const trail = await (api.manager as ApiClient).json<{ items: { action: string; after: unknown }[] }>(
        'GET',
        `/api/v1/audit?objectType=maintenance_window&objectId=${weeklyId}`,
      );
      expect(trail.items.map((e) => e.action).sort()).toEqual(['create', 'update']);
      const scratch = await tech.json<MaintenanceView>('POST', '/api/v1/monitoring/maintenance', {
        clientId,
        scope: 'site',
        scopeId: siteId,
        title: 'À effacer',
        startsAt: '2026-03-20T20:00:00Z',
        durationMinutes: 30,
      });
      expect((await tech.request('DELETE', `/api/v1/monitoring/maintenance/${scratch.id}`)).status).toBe(204);
      expect((await tech.request('DELETE', `/api/v1/monitoring/maintenance/${scratch.id}`)).status).toBe(404);
      const deleted = await (api.manager as ApiClient).json<{ items: { action: string }[] }>(
        'GET',
        `/api/v1/audit?objectType=maintenance_window&objectId=${scratch.id}`,
      );
      expect(deleted.items.map((e) => e.action).sort()).toEqual(['create', 'delete']);
    });

    it('shows the calendar to the client’s managers, lets only the provider change it, hides it from others', async () => {
      const path = `/api/v1/monitoring/maintenance/${weeklyId}`;
      const query = `clientId=${clientId}&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`;
      expect((await list('clientManager', query)).items.map((w) => w.id)).toContain(weeklyId);
      expect((await list('clientManager', 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z')).items.length).toBe(1);
      expect((await (api.clientManager as ApiClient).request('PATCH', path, { title: 'x' })).status).toBe(403);
      for (const who of ['requester', 'managerOfB', 'techB']) {
        const person = api[who] as ApiClient;
        expect((await person.request('GET', `/api/v1/monitoring/maintenance?${query}`)).status, who).toBe(404);
        expect((await person.request('PATCH', path, { title: 'x' })).status, who).toBe(404);
        expect((await person.request('DELETE', path)).status, who).toBe(404);
        const own = await person.request('GET', '/api/v1/monitoring/maintenance?from=2026-03-01T00:00:00Z');
        const seen = own.status === 200 ? ((await own.json()) as { items: MaintenanceView[] }).items : [];
        expect(
          seen.some((w) => w.clientId === clientId),
          who,
        ).toBe(false);
      }
      const intoA = await (api.techB as ApiClient).request('POST', '/api/v1/monitoring/maintenance', {
        clientId,
        scope: 'client',
        scopeId: clientId,
        title: 'x',
        startsAt: '2026-03-08T01:00:00Z',
        durationMinutes: 60,
      });
      expect(intoA.status).toBe(404);
      // B's technician cannot aim a window of B at A's asset either.
      const across = await (api.techB as ApiClient).request('POST', '/api/v1/monitoring/maintenance', {
        clientId: otherId,
        scope: 'asset',
        scopeId: asset.id,
        title: 'x',
        startsAt: '2026-03-08T01:00:00Z',
        durationMinutes: 60,
      });
      expect(across.status).toBe(422);
      expect((await list('tech', query)).items[0]?.title).toBe('Une seule fois');
    });
  });
}
