import type { AssetAvailability, AvailabilityView, SlaReport } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { newId } from '../src/core/ids.js';
import { insertCheck } from './check-rows.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { pdfText } from './pdf-text.js';

/**
 * March 2026 for a client in Paris: the month runs from 28 February 23:00Z to 31 March 22:00Z, 743 hours (44,580
 * minutes: summer time starts on the 29th). Figures worked by hand:
 * - srv-files has a host check (ping) and an HTTPS check.
 *   - HTTPS: first result 10 March 00:00 Paris (9 March 23:00Z); hard CRITICAL 09:00Z–09:30Z on the 10th, of which
 *     09:00–09:20 inside an asset window (08:50–09:20Z). Day of the 10th: 1,440 − 30 min of maintenance = 1,410 min
 *     known, 10 down → 1,400 / 1,410. Month: 527 h known (31,620 min) − 30 = 31,590, 10 down → 31,580 / 31,590.
 *     A soft CRITICAL on the 12th counts nothing.
 *   - ping: up since February; hard CRITICAL 20 March 10:00–10:45Z (45 min); UNKNOWN 26 March 00:00–01:00Z (counted
 *     neither way); CRITICAL again 31 March 22:30Z, which is 1 April in Paris. Month: 44,580 − 60 unknown − 30 of
 *     the asset window = 44,490 known, 45 down → 44,445 / 44,490 = 99.899 %. The asset follows its host check.
 * - nas-backup has no host check: SMB hard CRITICAL 15 March 12:00–13:00Z; disk WARNING 12:30–14:00Z (up), CRITICAL
 *   16 March 08:00–08:20Z, UNREACHABLE 17 March 00:00–00:10Z → the asset is down 60 + 20 + 10 = 90 min:
 *   44,490 / 44,580 = 99.798 %.
 * - printer-2 has a check that never answered: no figure ("—").
 */
for (const dialect of DIALECTS) {
  describe(`availability (${dialect})`, () => {
    let h: Harness;
    const api: Record<string, ApiClient> = {};
    let clientId: string;
    const assets: Record<string, string> = {};
    const checks: Record<string, string> = {};

    const change = async (check: string, at: string, status: string, hard = true) => {
      await h.db
        .insertInto('check_changes')
        .values({
          id: newId(),
          check_id: checks[check] as string,
          asset_id: assets[check.split('.')[0] as string] as string,
          at: new Date(at).toISOString(),
          status,
          hard: hard ? 1 : 0,
          output: null,
        })
        .execute();
    };
    const emails: Record<string, string> = {};
    const loggedAt: Record<string, number> = {};
    /** A signed-in person, signed in again once the clock has moved past the session's life. */
    const as = async (who: string): Promise<ApiClient> => {
      const now = h.clock.now().getTime();
      if (!api[who] || Math.abs(now - (loggedAt[who] ?? 0)) > 3_600_000) {
        api[who] = new ApiClient(h.baseUrl);
        expect((await api[who].login(emails[who] as string, PASSWORD)).status).toBe(200);
        loggedAt[who] = now;
      }
      return api[who] as ApiClient;
    };

    beforeAll(async () => {
      h = await startHarness(dialect);
      h.clock.set(new Date('2026-02-01T00:00:00Z'));
      const f = factories(h.services);
      const client = await f.client({ name: 'Société Étoile', timeZone: 'Europe/Paris' });
      const other = await f.client({ name: 'Other Ltd' });
      clientId = client.id;
      for (const name of ['srv', 'nas', 'printer']) {
        const full = { srv: 'srv-files', nas: 'nas-backup', printer: 'printer-2' }[name] as string;
        assets[name] = (await f.asset(clientId, { name: full })).id;
      }
      const on = (name: string) => ({ id: assets[name] as string, clientId });
      checks['srv.ping'] = await insertCheck(h.db, on('srv'), 'ping', true);
      checks['srv.https'] = await insertCheck(h.db, on('srv'), 'HTTPS intranet');
      checks['nas.smb'] = await insertCheck(h.db, on('nas'), 'SMB');
      checks['nas.disk'] = await insertCheck(h.db, on('nas'), 'disk /volume1');
      checks['printer.snmp'] = await insertCheck(h.db, on('printer'), 'SNMP');
      const people = {
        tech: await f.user('technician'),
        techB: await f.user('technician'),
        clientManager: await f.user('client_manager', clientId),
        requester: await f.user('requester', clientId),
        managerOfB: await f.user('client_manager', other.id),
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
        clientIds: [other.id],
      });
      for (const [key, person] of Object.entries(people)) emails[key] = person.email;

      await change('srv.ping', '2026-02-01T00:00:00Z', 'ok');
      await change('srv.ping', '2026-03-20T10:00:00Z', 'critical');
      await change('srv.ping', '2026-03-20T10:45:00Z', 'ok');
      await change('srv.ping', '2026-03-26T00:00:00Z', 'unknown');
      await change('srv.ping', '2026-03-26T01:00:00Z', 'ok');
      await change('srv.ping', '2026-03-31T22:30:00Z', 'critical');
      await change('srv.https', '2026-03-09T23:00:00Z', 'ok');
      await change('srv.https', '2026-03-10T09:00:00Z', 'critical');
      await change('srv.https', '2026-03-10T09:30:00Z', 'ok');
      await change('srv.https', '2026-03-12T10:00:00Z', 'critical', false);
      await change('srv.https', '2026-03-12T10:02:00Z', 'ok');
      await change('nas.smb', '2026-02-01T00:00:00Z', 'ok');
      await change('nas.smb', '2026-03-15T12:00:00Z', 'critical');
      await change('nas.smb', '2026-03-15T13:00:00Z', 'ok');
      await change('nas.disk', '2026-02-01T00:00:00Z', 'ok');
      await change('nas.disk', '2026-03-15T12:30:00Z', 'warning');
      await change('nas.disk', '2026-03-15T14:00:00Z', 'ok');
      await change('nas.disk', '2026-03-16T08:00:00Z', 'critical');
      await change('nas.disk', '2026-03-16T08:20:00Z', 'ok');
      await change('nas.disk', '2026-03-17T00:00:00Z', 'unreachable', false);
      await change('nas.disk', '2026-03-17T00:10:00Z', 'ok');

      h.clock.set(new Date('2026-03-20T12:00:00Z'));
      await (await as('tech')).json('POST', '/api/v1/monitoring/maintenance', {
        clientId,
        scope: 'asset',
        scopeId: assets.srv,
        title: 'Redémarrage IIS',
        startsAt: '2026-03-10T08:50:00Z',
        durationMinutes: 30,
      });
    });
    afterAll(() => h?.close());

    it('gives an asset its day and month to date, from its host check, outside maintenance', async () => {
      // 20 March 12:00Z: today since 19 March 23:00Z is 780 min, 45 down; the month so far 28,140 − 30 min.
      const srv = await (await as('tech')).json<AssetAvailability>(
        'GET',
        `/api/v1/monitoring/assets/${assets.srv}/availability`,
      );
      expect(srv.day).toMatchObject({
        from: '2026-03-19T23:00:00.000Z',
        to: '2026-03-20T23:00:00.000Z',
        downMinutes: 45,
      });
      expect(srv.day.ratio).toBeCloseTo(735 / 780, 12);
      expect(srv.month).toMatchObject({
        from: '2026-02-28T23:00:00.000Z',
        to: '2026-03-31T22:00:00.000Z',
        downMinutes: 45,
      });
      expect(srv.month.ratio).toBeCloseTo(28_065 / 28_110, 12);
    });

    it('counts a month in the client’s zone per check and per asset, worst first, null without data', async () => {
      h.clock.set(new Date('2026-04-02T08:00:00Z'));
      const view = await (await as('clientManager')).json<AvailabilityView>(
        'GET',
        `/api/v1/monitoring/availability?clientId=${clientId}&month=2026-03`,
      );
      expect(view).toMatchObject({
        month: '2026-03',
        timeZone: 'Europe/Paris',
        from: '2026-02-28T23:00:00.000Z',
        to: '2026-03-31T22:00:00.000Z',
      });
      expect(view.assets.map((a) => [a.name, a.downMinutes])).toEqual([
        ['nas-backup', 90],
        ['srv-files', 45],
        ['printer-2', 0],
      ]);
      const [nas, srv, printer] = view.assets;
      expect(nas?.ratio).toBeCloseTo(44_490 / 44_580, 12);
      expect(srv?.ratio).toBeCloseTo(44_445 / 44_490, 12);
      expect(printer?.ratio).toBeNull();
      expect(printer?.checks[0]?.ratio).toBeNull();
      expect(nas?.checks.map((c) => [c.name, c.downMinutes])).toEqual([
        ['SMB', 60],
        ['disk /volume1', 30],
      ]);
      const https = srv?.checks.find((c) => c.name === 'HTTPS intranet');
      expect(https?.ratio).toBeCloseTo(31_580 / 31_590, 12);
      expect(https?.downMinutes).toBe(10);
      // The day of the outage, in Paris: 30 min of the day were maintenance, 10 of the 30 down minutes outside it.
      expect(https?.days.find((d) => d.date === '2026-03-10')?.ratio).toBeCloseTo(1_400 / 1_410, 12);
      expect(https?.days.slice(0, 9).map((d) => d.ratio)).toEqual(Array(9).fill(null));
      expect(srv?.days).toHaveLength(31);
      expect(srv?.days.find((d) => d.date === '2026-03-20')?.ratio).toBeCloseTo(1_395 / 1_440, 12);
      expect(srv?.days.find((d) => d.date === '2026-03-31')?.ratio).toBe(1); // 00:30 on 1 April is April's
      // The client's day: srv up 1,440 min, nas down 60 of 1,440.
      expect(view.days.find((d) => d.date === '2026-03-15')?.ratio).toBeCloseTo(2_820 / 2_880, 12);
    });

    it('puts availability in the monthly report: JSON, CSV and PDF, with — where there is no data', async () => {
      const report = await (await as('clientManager')).json<SlaReport>(
        'GET',
        `/api/v1/clients/${clientId}/reports/sla?month=2026-03`,
      );
      expect(report.availability).toEqual([
        { assetId: assets.nas, name: 'nas-backup', percent: 99.798, downMinutes: 90 },
        { assetId: assets.srv, name: 'srv-files', percent: 99.899, downMinutes: 45 },
        { assetId: assets.printer, name: 'printer-2', percent: null, downMinutes: null },
      ]);
      const csv = async (lang: string) =>
        (
          await (
            await (
              await as('clientManager')
            ).request('GET', `/api/v1/clients/${clientId}/reports/sla.csv?month=2026-03&lang=${lang}`)
          ).text()
        )
          .replace(/^\uFEFF/, '')
          .split('\r\n');
      const french = await csv('fr');
      expect(french).toContain('Équipement (hors fenêtres de maintenance);Disponibilité %;Indisponibilité (min)');
      expect(french).toContain('nas-backup;99,798;90');
      expect(french).toContain('srv-files;99,899;45');
      expect(french).toContain('printer-2;—;—');
      const english = await csv('en');
      expect(english).toContain('nas-backup,99.798,90');
      expect(english).toContain('printer-2,—,—');

      const pdf = async (lang: string) => {
        const response = await (await as('clientManager')).request(
          'GET',
          `/api/v1/clients/${clientId}/reports/sla.pdf?month=2026-03&lang=${lang}`,
        );
        expect(response.status).toBe(200);
        return (await pdfText(new Uint8Array(await response.arrayBuffer()))).pages.join('\n').replace(/\s+/g, ' ');
      };
      const frenchPdf = await pdf('fr');
      for (const expected of ['Disponibilité des équipements supervisés', 'nas-backup 99,798 % 90', 'printer-2 — —']) {
        expect(frenchPdf).toContain(expected);
      }
      expect(await pdf('en')).toContain('Availability of monitored assets');
    }, 90_000);

    it('shows availability to the client’s managers and the provider only', async () => {
      const path = `/api/v1/monitoring/availability?clientId=${clientId}&month=2026-03`;
      expect((await (await as('tech')).request('GET', path)).status).toBe(200);
      for (const who of ['requester', 'managerOfB', 'techB']) {
        expect((await (await as(who)).request('GET', path)).status, who).toBe(404);
        expect(
          (await (await as(who)).request('GET', `/api/v1/monitoring/assets/${assets.srv}/availability`)).status,
          who,
        ).toBe(404);
      }
      expect((await (await as('tech')).request('GET', `${path.slice(0, -7)}2026-13`)).status).toBe(400);
      expect((await (await as('tech')).request('GET', `${path.slice(0, -7)}2026-05`)).status).toBe(422);
      expect(
        (await (await as('tech')).request('GET', `/api/v1/monitoring/assets/${newId()}/availability`)).status,
      ).toBe(404);
    });
  });
}
