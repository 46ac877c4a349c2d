import type { SlaReport, SlaReportSent } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { pdfText } from './pdf-text.js';

/**
 * A hand-built October 2026 for one client (Paris, office hours 9:00–12:30 / 13:30–18:00, French holidays, P3 =
 * 4 business hours to take, 24 to resolve), driven through the real API on a hand-set clock, then its report read
 * back figure by figure:
 * - T0 opened 30 September 17:00, taken 1 October 09:15 (TTO met in October), resolved, closed 2 October;
 * - T1 opened by the requester 1 October, taken, resolved, confirmed, rated 4; 90 min billable;
 * - T2 (printers: out of scope) opened Monday 5 October 09:00, taken at 15:00 — one hour past its TTO deadline
 *   (14:00) —, resolved, rated 2 by the client manager, closed; 30 min billable;
 * - T3 opened 6 October, escalated to N2, resolved 12 October: past its TTR deadline (Thursday 8 October 18:00);
 *   45 min covered by the contract;
 * - T4 opened 28 October, taken, a manager brought in, waiting on the requester at the month's end;
 * - a ticket of November and a ticket of another client, which must not count.
 */
const TITLES = {
  t0: 'Sauvegarde en échec',
  t1: 'Serveur de fichiers inaccessible',
  t2: 'Imprimante du 2ᵉ étage — bourrage « papier »',
  t3: 'VPN instable depuis l’agence de Lyon',
  t4: 'Messagerie lente',
};

for (const dialect of DIALECTS) {
  describe(`monthly SLA report (${dialect})`, () => {
    let h: Harness;
    const logins = new Map<string, { api: ApiClient; at: number }>();
    const people: Record<string, string> = {};
    const ids: Record<string, string> = {};
    let clientId: string;
    let otherId: string;
    let teamId: string;

    /** A signed-in person; signs in again once the clock has moved past the session's life. */
    const as = async (who: string): Promise<ApiClient> => {
      const known = logins.get(who);
      const now = h.clock.now().getTime();
      if (known && now - known.at < 3_600_000 && now >= known.at) return known.api;
      const api = new ApiClient(h.baseUrl);
      expect((await api.login(people[who] as string, PASSWORD)).status).toBe(200);
      logins.set(who, { api, at: now });
      return api;
    };
    const at = (iso: string) => h.clock.set(new Date(iso));
    const open = async (who: string, body: Record<string, unknown>) =>
      (await (await as(who)).json<{ id: string }>('POST', '/api/v1/tickets', { clientId, ...body })).id;
    const act = async (who: string, ticket: string, action: string, body: unknown = undefined) =>
      (await as(who)).json('POST', `/api/v1/tickets/${ids[ticket]}/${action}`, body, 200);
    const logTime = async (who: string, ticket: string, minutes: number, billable: boolean) =>
      (await as(who)).json('POST', `/api/v1/tickets/${ids[ticket]}/time-entries`, { minutes, billable });
    const report = (who: string, query = '?month=2026-10') =>
      as(who).then((api) => api.json<SlaReport>('GET', `/api/v1/clients/${clientId}/reports/sla${query}`));

    beforeAll(async () => {
      h = await startHarness(dialect);
      at('2026-09-15T07:00:00Z');
      const f = factories(h.services);
      const client = await f.client({ name: 'Société Étoile', timeZone: 'Europe/Paris', locale: 'fr' });
      const other = await f.client({ name: 'Other Ltd' });
      clientId = client.id;
      otherId = other.id;
      await f.contract(client.id, {
        scopeDomains: ['servers'],
        hourBank: { hours: 10, warningPercent: 75, rollover: 'none', period: 'month' },
      } as never);
      await f.contract(other.id);
      const users = {
        tech1: await f.user('technician', null, { supportLevel: 1 }),
        tech2: await f.user('technician', null, { supportLevel: 2 }),
        techB: await f.user('technician'),
        manager: await f.user('manager'),
        claire: await f.user('client_manager', client.id, { name: 'Claire Dubois', locale: 'fr' }),
        john: await f.user('client_manager', client.id, { name: 'John Smith', locale: 'en' }),
        requester: await f.user('requester', client.id),
        clientIt: await f.user('client_it', client.id),
        managerOfB: await f.user('client_manager', other.id),
      };
      for (const [key, user] of Object.entries(users)) people[key] = user.email;
      teamId = (
        await h.services.teams.create(systemCtx, {
          name: 'Desk A',
          description: null,
          memberIds: [users.tech1.id, users.tech2.id],
          clientIds: [client.id],
        })
      ).id;
      await h.services.teams.create(systemCtx, {
        name: 'Desk B',
        description: null,
        memberIds: [users.techB.id],
        clientIds: [other.id],
      });
      const category = async (name: string, scopeDomain: string) =>
        (await (await as('manager')).json<{ id: string }>('POST', '/api/v1/ticket-categories', { name, scopeDomain }))
          .id;
      const servers = await category('Serveurs', 'servers');
      const printers = await category('Imprimantes', 'workstations');

      at('2026-09-30T15:00:00Z'); // Wednesday 17:00 Paris
      ids.t0 = await open('tech1', { title: TITLES.t0, categoryId: servers });
      at('2026-10-01T07:00:00Z');
      ids.t1 = await open('requester', { title: TITLES.t1 });
      at('2026-10-01T07:15:00Z');
      await act('tech1', 't0', 'take');
      at('2026-10-01T07:30:00Z');
      await act('tech1', 't1', 'take');
      at('2026-10-01T08:00:00Z');
      await act('tech1', 't0', 'resolve', { kind: 'solution', text: 'Bande remplacée' });
      at('2026-10-01T09:00:00Z');
      await act('tech1', 't1', 'resolve', { kind: 'solution', text: 'Partage réactivé' });
      await logTime('tech1', 't1', 90, true);
      at('2026-10-02T08:00:00Z');
      await act('tech1', 't0', 'confirm');
      at('2026-10-02T08:30:00Z');
      await act('requester', 't1', 'confirm');
      await act('requester', 't1', 'rating', { rating: 4 });

      at('2026-10-05T07:00:00Z'); // Monday 09:00 Paris
      ids.t2 = await open('tech1', { title: TITLES.t2, categoryId: printers });
      at('2026-10-05T13:00:00Z'); // 15:00 Paris, an hour past the TTO deadline
      await act('tech1', 't2', 'take');
      at('2026-10-05T14:00:00Z');
      await act('tech1', 't2', 'resolve', { kind: 'solution', text: 'Rouleau nettoyé' });
      await logTime('tech1', 't2', 30, true);
      at('2026-10-06T07:00:00Z');
      await act('claire', 't2', 'rating', { rating: 2 });
      at('2026-10-06T07:05:00Z');
      await act('tech1', 't2', 'confirm');

      at('2026-10-06T07:00:00Z'); // Tuesday 09:00 Paris
      ids.t3 = await open('tech1', { title: TITLES.t3 });
      at('2026-10-06T07:10:00Z');
      await act('tech1', 't3', 'take');
      at('2026-10-06T08:00:00Z');
      await act('tech1', 't3', 'escalate', {
        kind: 'functional',
        toLevel: 2,
        teamId,
        diagnosis: 'Tunnel IPsec qui tombe toutes les heures, renégociation en échec',
      });
      at('2026-10-06T08:30:00Z');
      await act('tech2', 't3', 'take');
      await logTime('tech2', 't3', 45, false);
      at('2026-10-12T08:00:00Z'); // Monday 10:00 Paris, past Thursday 18:00
      await act('tech2', 't3', 'resolve', { kind: 'solution', text: 'MTU corrigée' });
      at('2026-10-13T07:00:00Z');
      await act('tech2', 't3', 'confirm');

      at('2026-10-28T08:00:00Z'); // Wednesday 09:00 Paris (winter time)
      ids.t4 = await open('tech1', { title: TITLES.t4 });
      at('2026-10-28T08:05:00Z');
      await act('tech1', 't4', 'take');
      at('2026-10-28T08:30:00Z');
      await act('tech1', 't4', 'escalate', { kind: 'hierarchical', reason: 'Client mécontent, appel de la direction' });
      at('2026-10-28T09:00:00Z');
      await act('tech1', 't4', 'status', { status: 'pending', pendingReason: 'requester' });

      at('2026-10-07T08:00:00Z');
      ids.other = (
        await (
          await as('techB')
        ).json<{ id: string }>('POST', '/api/v1/tickets', {
          clientId: other.id,
          title: 'VPN down',
          takeNow: true,
        })
      ).id;
      at('2026-11-02T08:00:00Z');
      ids.t5 = await open('tech1', { title: 'Hors période' });
      at('2026-11-16T09:00:00Z');
    }, 120_000);
    afterAll(async () => h?.close());

    it('counts each figure of the month as worked by hand', async () => {
      const r = await report('manager');
      expect(r).toMatchObject({
        clientId,
        clientName: 'Société Étoile',
        month: '2026-10',
        timeZone: 'Europe/Paris',
        from: '2026-09-30T22:00:00.000Z',
        to: '2026-10-31T23:00:00.000Z',
        complete: true,
        tickets: { opened: 4, resolved: 4, closed: 4, outOfScope: 1 },
        tto: { met: 4, missed: 1, percent: 80 },
        ttr: { met: 3, missed: 1, percent: 75 },
        escalations: {
          functional: 1,
          hierarchical: 1,
          ticketsEscalated: 2,
          toLevel: [
            { level: 2, count: 1 },
            { level: 3, count: 0 },
          ],
        },
        satisfaction: { ratings: 2, average: 3 },
        time: { billableMinutes: 120, coveredMinutes: 45 },
        sentAt: null,
      });
      expect(r.breaches).toEqual([
        {
          ticketId: ids.t2,
          reference: expect.stringMatching(/^T-\d{6}$/),
          title: TITLES.t2,
          priority: 'P3',
          clock: 'tto',
          deadline: '2026-10-05T12:00:00.000Z',
          breachedAt: '2026-10-05T13:00:00.000Z',
        },
        {
          ticketId: ids.t3,
          reference: expect.stringMatching(/^T-\d{6}$/),
          title: TITLES.t3,
          priority: 'P3',
          clock: 'ttr',
          deadline: '2026-10-08T16:00:00.000Z',
          breachedAt: '2026-10-12T08:00:00.000Z',
        },
      ]);
      const none = { met: 0, missed: 0, percent: null };
      expect(r.slaByPriority).toEqual([
        { priority: 'P1', tto: none, ttr: none },
        { priority: 'P2', tto: none, ttr: none },
        { priority: 'P3', tto: { met: 4, missed: 1, percent: 80 }, ttr: { met: 3, missed: 1, percent: 75 } },
        { priority: 'P4', tto: none, ttr: none },
      ]);
      expect(r.byPriority).toEqual([
        { priority: 'P1', count: 0 },
        { priority: 'P2', count: 0 },
        { priority: 'P3', count: 4 },
        { priority: 'P4', count: 0 },
      ]);
      expect(r.byLevel).toEqual([
        { level: 1, count: 3 },
        { level: 2, count: 1 },
        { level: 3, count: 0 },
      ]);
      expect(r.byCategory.map((c) => [c.name, c.count])).toEqual([
        [null, 3],
        ['Imprimantes', 1],
      ]);
      expect(r.satisfaction.distribution.map((d) => d.count)).toEqual([0, 1, 0, 1, 0]);
      expect(r.daily).toHaveLength(31);
      const days = Object.fromEntries(r.daily.filter((d) => d.opened + d.resolved > 0).map((d) => [d.date, d]));
      expect(days).toEqual({
        '2026-10-01': { date: '2026-10-01', opened: 1, resolved: 2 },
        '2026-10-05': { date: '2026-10-05', opened: 1, resolved: 1 },
        '2026-10-06': { date: '2026-10-06', opened: 1, resolved: 0 },
        '2026-10-12': { date: '2026-10-12', opened: 0, resolved: 1 },
        '2026-10-28': { date: '2026-10-28', opened: 1, resolved: 0 },
      });
      expect(r.hourBanks).toEqual([
        expect.objectContaining({
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
          availableMinutes: 600,
          usedMinutes: 120,
          remainingMinutes: 480,
          monthMinutes: 120,
          warning: false,
          exhausted: false,
        }),
      ]);
    });

    it('places September and November in their own months', async () => {
      const september = await report('manager', '?month=2026-09');
      expect(september.tickets).toEqual({ opened: 1, resolved: 0, closed: 0, outOfScope: 0 });
      expect(september.tto.percent).toBeNull();
      const november = await report('manager', '?month=2026-11');
      expect(november).toMatchObject({ complete: false, tickets: { opened: 1 }, breaches: [] });
      // Without a month: the last complete one in the client's zone.
      expect((await report('manager', '')).month).toBe('2026-10');
    });

    it('lets the client manager read their own report and nobody else’s', async () => {
      expect((await report('claire')).tto.percent).toBe(80);
      const path = (id: string) => `/api/v1/clients/${id}/reports/sla?month=2026-10`;
      for (const who of ['requester', 'clientIt']) {
        const response = await (await as(who)).request('GET', path(clientId));
        expect(response.status).toBe(403);
        expect(await response.text()).not.toContain('Société');
      }
      for (const [who, id] of [
        ['managerOfB', clientId],
        ['techB', clientId],
        ['claire', otherId],
        ['manager', '01900000-0000-7000-8000-000000000000'],
      ] as const) {
        const response = await (await as(who)).request('GET', path(id));
        expect(response.status).toBe(404);
      }
      for (const file of ['sla.csv', 'sla.pdf']) {
        const response = await (await as('managerOfB')).request('GET', `/api/v1/clients/${clientId}/reports/${file}`);
        expect(response.status).toBe(404);
      }
    });

    it('refuses a month that is not one, or has not begun, with the field named', async () => {
      const api = await as('manager');
      const bad = await api.request('GET', `/api/v1/clients/${clientId}/reports/sla?month=2026-13`);
      expect(bad.status).toBe(400);
      const future = await api.request('GET', `/api/v1/clients/${clientId}/reports/sla?month=2026-12`);
      expect(future.status).toBe(422);
      const body = (await future.json()) as { error: { details: { path: string[] }[] } };
      expect(body.error.details[0]?.path).toEqual(['querystring', 'month']);
      expect((await api.request('GET', `/api/v1/clients/${clientId}/reports/sla.pdf?lang=de`)).status).toBe(400);
    });

    it('exports the month as CSV for spreadsheets, in the reader’s language', async () => {
      const response = await (await as('claire')).request(
        'GET',
        `/api/v1/clients/${clientId}/reports/sla.csv?month=2026-10`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain('rapport-sla-Societe-Etoile-2026-10.csv');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const lines = text.split('\r\n');
      expect(lines).toContain('Rapport SLA mensuel;Société Étoile');
      expect(lines).toContain('Tickets ouverts;4');
      expect(lines).toContain('Tickets hors périmètre (facturables);1');
      expect(lines).toContain('Prise en charge dans les délais (TTO) %;80');
      expect(lines).toContain('Résolution dans les délais (TTR) %;75');
      expect(lines).toContain('Satisfaction moyenne (sur 5);3');
      expect(lines).toContain('P3;4');
      expect(lines).toContain('P3;80;4 / 1;75;3 / 1');
      expect(lines).toContain('P1;;0 / 0;;0 / 0');
      expect(lines).toContain('2026-10-01;1;2');
      const breach = lines.find((line) => line.includes('Lyon'));
      expect(breach).toMatch(
        /^T-\d{6};VPN instable depuis l’agence de Lyon;P3;Résolution;08\/10\/2026 18:00;12\/10\/2026 10:00$/,
      );
      expect(lines.find((line) => line.includes('bourrage'))).toContain(
        'Imprimante du 2ᵉ étage — bourrage « papier »;P3;Prise en charge;05/10/2026 14:00;05/10/2026 15:00',
      );

      const english = await (await as('manager')).request(
        'GET',
        `/api/v1/clients/${clientId}/reports/sla.csv?month=2026-10&lang=en`,
      );
      const englishLines = (await english.text()).replace(/^\uFEFF/, '').split('\r\n');
      expect(englishLines).toContain('Tickets opened,4');
      expect(englishLines).toContain('Resolved in time (TTR) %,75');
    });

    it('draws the PDF with embedded fonts, accents intact, in French or English', { timeout: 90_000 }, async () => {
      const get = async (query: string) => {
        const response = await (await as('claire')).request(
          'GET',
          `/api/v1/clients/${clientId}/reports/sla.pdf${query}`,
        );
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        return pdfText(new Uint8Array(await response.arrayBuffer()));
      };
      const french = await get('?month=2026-10');
      expect(french.fonts.some((f) => f.includes('DejaVuSans'))).toBe(true);
      // Long titles wrap in the breach table: compare with line breaks as spaces.
      const text = french.pages.join('\n').replace(/\s+/g, ' ');
      for (const expected of [
        'Rapport SLA mensuel',
        'Société Étoile',
        'octobre 2026',
        'Prise en charge dans les délais (TTO)',
        '80 %',
        '75 %',
        TITLES.t2,
        TITLES.t3,
        'Imprimantes',
        'Dépassements de SLA (2)',
      ]) {
        expect(text).toContain(expected);
      }
      const english = (await get('?month=2026-10&lang=en')).pages.join('\n');
      expect(english).toContain('Monthly SLA report');
      expect(english).toContain('October 2026');
      expect(english).toContain('SLA breaches (2)');
    });

    it('mails a complete month to the client’s managers, each in their language, with the PDF', async () => {
      const refused = await (await as('claire')).request('POST', `/api/v1/clients/${clientId}/reports/sla/send`, {
        month: '2026-10',
      });
      expect(refused.status).toBe(403);
      const early = await (await as('manager')).request('POST', `/api/v1/clients/${clientId}/reports/sla/send`, {
        month: '2026-11',
      });
      expect(early.status).toBe(422);

      const sent = await (await as('manager')).json<SlaReportSent>(
        'POST',
        `/api/v1/clients/${clientId}/reports/sla/send`,
        { month: '2026-10' },
        200,
      );
      expect(sent.recipients.map((r) => [r.name, r.locale])).toEqual([
        ['Claire Dubois', 'fr'],
        ['John Smith', 'en'],
      ]);
      const mails = await h.db
        .selectFrom('mail_messages')
        .select(['id', 'subject', 'to_addresses', 'locale', 'status', 'text_body'])
        .where('kind', '=', 'report')
        .orderBy('locale', 'desc')
        .execute();
      expect(mails.map((m) => [m.subject, m.locale, m.status])).toEqual([
        ['Rapport SLA octobre 2026 — Société Étoile', 'fr', 'held'],
        ['SLA report October 2026 — Société Étoile', 'en', 'held'],
      ]);
      expect(mails[0]?.text_body).toContain('Bonjour Claire Dubois');
      const files = await h.db
        .selectFrom('attachments')
        .select(['mail_id', 'file_name', 'content_type', 'content'])
        .where(
          'mail_id',
          'in',
          mails.map((m) => m.id),
        )
        .orderBy('file_name')
        .execute();
      expect(files.map((f) => [f.file_name, f.content_type])).toEqual([
        ['rapport-sla-Societe-Etoile-2026-10.pdf', 'application/pdf'],
        ['sla-report-Societe-Etoile-2026-10.pdf', 'application/pdf'],
      ]);
      const attached = await pdfText(new Uint8Array(files[0]?.content as Uint8Array));
      expect(attached.pages.join('\n')).toContain('Rapport SLA mensuel');
      expect((await report('manager')).sentAt).toBe('2026-11-16T09:00:00.000Z');
    });
  });
}
