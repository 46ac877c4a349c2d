import type { HourBankUsage, Intervention, TicketEvent, TimeEntry } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { pdfText } from './pdf-text.js';
import { makePng, pngDataUrl } from './png.js';

type Page<T> = { items: T[]; nextCursor: string | null };

const SIGNER = 'Émilie Lefèvre-Cœur';
const LONG_REPORT = Array.from(
  { length: 70 },
  (_, i) => `Étape ${i + 1} : remplacement du commutateur « cœur » du 2ᵉ étage, vérification des VLAN et du câblage.`,
).join('\n');

for (const dialect of DIALECTS) {
  describe(`time entries, hour bank and on-site visits (${dialect})`, () => {
    let h: Harness;
    let tech: ApiClient;
    let otherTech: ApiClient;
    let techB: ApiClient;
    let manager: ApiClient;
    let clientManager: ApiClient;
    let clientIt: ApiClient;
    let requester: ApiClient;
    let managerOfB: ApiClient;
    let techId: string;
    let clientManagerId: string;
    let siteId: string;
    let siteOfB: string;
    let contractId: string;
    let contractOfB: string;
    let ticketId: string;
    let requesterTicketId: string;
    let ticketOfB: string;

    const login = async (email: string) => {
      const api = new ApiClient(h.baseUrl);
      expect((await api.login(email, PASSWORD)).status).toBe(200);
      return api;
    };
    const timeEvents = async (id: string) =>
      (await tech.json<Page<TicketEvent>>('GET', `/api/v1/tickets/${id}/events?limit=200`)).items.filter(
        (e) => e.kind === 'time',
      );
    const hourBank = () => tech.json<HourBankUsage>('GET', `/api/v1/contracts/${contractId}/hour-bank`);
    const openTicket = async (api: ApiClient, clientId: string, title: string) =>
      (await api.json<{ id: string }>('POST', '/api/v1/tickets', { clientId, title, description: title })).id;

    beforeAll(async () => {
      h = await startHarness(dialect);
      h.clock.set(new Date('2026-03-10T09:00:00Z'));
      const f = factories(h.services);
      const client = await f.client({ name: 'Société Étoile', locale: 'fr' });
      const other = await f.client({ name: 'Other Ltd' });
      const site = await h.services.sites.create(systemCtx, client.id, {
        name: 'Siège — Bâtiment Œ',
        address: { line1: '12 rue de l’Église', postalCode: '75001', city: 'Paris', country: 'FR' },
      } as never);
      siteId = site.id;
      siteOfB = (await f.site(other.id)).id;
      contractId = (
        await f.contract(client.id, {
          delivery: 'onsite',
          hourBank: { hours: 2, warningPercent: 75, rollover: 'none', period: 'month' },
        } as never)
      ).id;
      contractOfB = (await f.contract(other.id, { delivery: 'remote' })).id;
      const techUser = await f.user('technician', null, { name: 'François Müller' });
      const otherTechUser = await f.user('technician');
      const techBUser = await f.user('technician');
      const managerUser = await f.user('manager');
      const clientManagerUser = await f.user('client_manager', client.id);
      const clientItUser = await f.user('client_it', client.id);
      const requesterUser = await f.user('requester', client.id);
      const managerOfBUser = await f.user('client_manager', other.id);
      techId = techUser.id;
      clientManagerId = clientManagerUser.id;
      await h.services.teams.create(systemCtx, {
        name: 'Desk A',
        description: null,
        memberIds: [techUser.id, otherTechUser.id],
        clientIds: [client.id],
      });
      await h.services.teams.create(systemCtx, {
        name: 'Desk B',
        description: null,
        memberIds: [techBUser.id],
        clientIds: [other.id],
      });
      tech = await login(techUser.email);
      otherTech = await login(otherTechUser.email);
      techB = await login(techBUser.email);
      manager = await login(managerUser.email);
      clientManager = await login(clientManagerUser.email);
      clientIt = await login(clientItUser.email);
      requester = await login(requesterUser.email);
      managerOfB = await login(managerOfBUser.email);
      ticketId = await openTicket(tech, client.id, 'Réseau lent au siège');
      requesterTicketId = await openTicket(requester, client.id, 'Imprimante hors ligne');
      ticketOfB = await openTicket(techB, other.id, 'VPN down');
    });
    afterAll(async () => h?.close());

    it('counts billable time against the hour bank and notes each threshold once on the timeline', async () => {
      const first = await tech.json<TimeEntry>('POST', `/api/v1/tickets/${ticketId}/time-entries`, {
        minutes: 60,
        billable: true,
        note: 'Diagnostic du commutateur',
      });
      expect(first).toMatchObject({
        minutes: 60,
        billable: true,
        workDate: '2026-03-10',
        note: 'Diagnostic du commutateur',
        user: { id: techId, name: 'François Müller' },
      });
      expect(await hourBank()).toMatchObject({
        contractId,
        period: 'month',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        hours: 2,
        availableMinutes: 120,
        usedMinutes: 60,
        remainingMinutes: 60,
        warning: false,
        exhausted: false,
      });
      await tech.json('POST', `/api/v1/tickets/${ticketId}/time-entries`, { minutes: 30, billable: false });
      await tech.json('POST', `/api/v1/tickets/${ticketId}/time-entries`, { minutes: 30, billable: true });
      await tech.json('POST', `/api/v1/tickets/${ticketId}/time-entries`, { minutes: 20, billable: true });
      await tech.json('POST', `/api/v1/tickets/${ticketId}/time-entries`, { minutes: 25, billable: true });

      const events = await timeEvents(ticketId);
      expect(events.map((e) => [e.data.minutes, e.data.hourBankWarning, e.data.hourBankExhausted])).toEqual([
        [60, false, false],
        [30, false, false],
        [30, true, false],
        [20, false, false],
        [25, false, true],
      ]);
      expect(events.every((e) => e.visibility === 'internal')).toBe(true);
      expect(events[2]?.body).toContain('warning threshold (75 %)');
      expect(events[4]?.body).toContain('exhausted: 2 h 15 used of 2 h');
      expect(await hourBank()).toMatchObject({
        usedMinutes: 135,
        remainingMinutes: -15,
        warning: true,
        exhausted: true,
      });

      // The requester's view of the timeline has no time entries (they are provider notes).
      const seen = await requester.request('GET', `/api/v1/tickets/${requesterTicketId}/events`);
      expect(((await seen.json()) as Page<TicketEvent>).items.some((e) => e.kind === 'time')).toBe(false);
    });

    it('counts an entry dated last month in last month’s period', async () => {
      const entry = await tech.json<TimeEntry>('POST', `/api/v1/tickets/${ticketId}/time-entries`, {
        minutes: 100,
        billable: true,
        workDate: '2026-02-27',
      });
      expect(entry.workDate).toBe('2026-02-27');
      expect((await hourBank()).usedMinutes).toBe(135);
      const last = (await timeEvents(ticketId)).at(-1);
      expect(last?.data).toMatchObject({ minutes: 100, hourBankWarning: true, hourBankExhausted: false });
      await tech.json('DELETE', `/api/v1/time-entries/${entry.id}`, undefined, 204);
    });

    it('shows the hour bank to staff and the client manager only', async () => {
      expect((await clientManager.request('GET', `/api/v1/contracts/${contractId}/hour-bank`)).status).toBe(200);
      for (const api of [requester, clientIt, managerOfB, techB]) {
        expect((await api.request('GET', `/api/v1/contracts/${contractId}/hour-bank`)).status).toBe(404);
      }
      const none = await techB.request('GET', `/api/v1/contracts/${contractOfB}/hour-bank`);
      expect(none.status).toBe(404);
      expect(((await none.json()) as { error: { message: string } }).error.message).toBe(
        'This contract has no hour bank',
      );
    });

    it('refuses time in the future, from client people and from staff of other clients', async () => {
      const future = await tech.request('POST', `/api/v1/tickets/${ticketId}/time-entries`, {
        minutes: 10,
        workDate: '2026-03-11',
      });
      expect(future.status).toBe(422);
      expect(await future.text()).toContain('in the future');
      expect(
        (await clientManager.request('POST', `/api/v1/tickets/${ticketId}/time-entries`, { minutes: 10 })).status,
      ).toBe(403);
      expect((await techB.request('POST', `/api/v1/tickets/${ticketId}/time-entries`, { minutes: 10 })).status).toBe(
        404,
      );
      expect((await managerOfB.request('GET', `/api/v1/tickets/${ticketId}/time-entries`)).status).toBe(404);
      expect((await requester.request('GET', `/api/v1/tickets/${ticketId}/time-entries`)).status).toBe(404);
    });

    it('lists entries to client people without the technicians’ notes', async () => {
      const staffView = await tech.json<Page<TimeEntry>>('GET', `/api/v1/tickets/${ticketId}/time-entries`);
      expect(staffView.items[0]?.note).toBe('Diagnostic du commutateur');
      const clientView = await clientManager.json<Page<TimeEntry>>('GET', `/api/v1/tickets/${ticketId}/time-entries`);
      expect(clientView.items).toHaveLength(staffView.items.length);
      expect(clientView.items.every((e) => e.note === null)).toBe(true);
    });

    it('lets the author or a manager remove an entry, and the hour bank follows', async () => {
      const entries = (await tech.json<Page<TimeEntry>>('GET', `/api/v1/tickets/${ticketId}/time-entries`)).items;
      const [a, b] = [entries[3] as TimeEntry, entries[4] as TimeEntry];
      const refused = await otherTech.request('DELETE', `/api/v1/time-entries/${a.id}`);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('Only the author');
      expect((await managerOfB.request('DELETE', `/api/v1/time-entries/${a.id}`)).status).toBe(404);
      expect((await clientManager.request('DELETE', `/api/v1/time-entries/${a.id}`)).status).toBe(403);
      await tech.json('DELETE', `/api/v1/time-entries/${a.id}`, undefined, 204);
      await manager.json('DELETE', `/api/v1/time-entries/${b.id}`, undefined, 204);
      expect((await tech.request('DELETE', `/api/v1/time-entries/${b.id}`)).status).toBe(404);
      expect(await hourBank()).toMatchObject({ usedMinutes: 90, warning: true, exhausted: false });
      const removed = (await timeEvents(ticketId)).filter((e) => e.data.removed === true);
      expect(removed.map((e) => e.data.minutes)).toEqual([-100, -20, -25]);
    });

    it('refuses visits on a remote contract, at another client’s site, by someone not on staff, or years away', async () => {
      const remote = await techB.request('POST', `/api/v1/tickets/${ticketOfB}/interventions`, {
        siteId: siteOfB,
        scheduledStart: '2026-03-12T09:00:00+01:00',
        durationMinutes: 60,
      });
      expect(remote.status).toBe(422);
      expect(((await remote.json()) as { error: { message: string } }).error.message).toMatch(
        /onsite or hybrid contract; contract REF-\d+ is delivered remotely/,
      );
      const wrongSite = await tech.request('POST', `/api/v1/tickets/${ticketId}/interventions`, {
        siteId: siteOfB,
        scheduledStart: '2026-03-12T09:00:00+01:00',
        durationMinutes: 60,
      });
      expect(wrongSite.status).toBe(422);
      expect(((await wrongSite.json()) as { error: { details: { path: string[] }[] } }).error.details[0]?.path).toEqual(
        ['siteId'],
      );
      const notStaff = await tech.request('POST', `/api/v1/tickets/${ticketId}/interventions`, {
        siteId,
        technicianId: clientManagerId,
        scheduledStart: '2026-03-12T09:00:00+01:00',
        durationMinutes: 60,
      });
      expect(notStaff.status).toBe(422);
      expect(await notStaff.text()).toContain('technicianId');
      for (const scheduledStart of ['0000-01-01T09:00:00Z', '9999-12-31T23:00:00-14:00', '0202-03-12T09:00:00+01:00']) {
        const absurd = await tech.request('POST', `/api/v1/tickets/${ticketId}/interventions`, {
          siteId,
          scheduledStart,
          durationMinutes: 60,
        });
        expect([scheduledStart, absurd.status]).toEqual([scheduledStart, 422]);
      }
    });

    it('plans a visit that the client’s people can see, and cancels it', async () => {
      const visit = await tech.json<Intervention>('POST', `/api/v1/tickets/${ticketId}/interventions`, {
        siteId,
        scheduledStart: '2026-03-12T09:00:00+01:00',
        durationMinutes: 90,
        travelMinutes: 30,
      });
      expect(visit).toMatchObject({
        status: 'planned',
        scheduledStart: '2026-03-12T08:00:00.000Z',
        site: { id: siteId, name: 'Siège — Bâtiment Œ' },
        technician: { id: techId, name: 'François Müller' },
      });
      const listed = await clientManager.json<Page<Intervention>>('GET', `/api/v1/tickets/${ticketId}/interventions`);
      expect(listed.items.map((v) => v.id)).toEqual([visit.id]);
      expect((await managerOfB.request('GET', `/api/v1/tickets/${ticketId}/interventions`)).status).toBe(404);
      expect((await managerOfB.request('GET', `/api/v1/interventions/${visit.id}`)).status).toBe(404);
      expect((await clientManager.request('POST', `/api/v1/interventions/${visit.id}/cancel`)).status).toBe(403);
      expect(
        (await tech.json<Intervention>('POST', `/api/v1/interventions/${visit.id}/cancel`, undefined, 200)).status,
      ).toBe('cancelled');
      expect((await tech.request('POST', `/api/v1/interventions/${visit.id}/cancel`)).status).toBe(409);
      const late = await tech.request('POST', `/api/v1/interventions/${visit.id}/report`, {
        report: 'x',
        durationMinutes: 10,
        travelMinutes: 0,
        signedBy: 'X',
        signaturePng: pngDataUrl(makePng(40, 20)),
      });
      expect(late.status).toBe(409);
    });

    it('closes a visit with the client’s signature, logs its time and hands the client a signed PDF', async () => {
      const visit = await tech.json<Intervention>('POST', `/api/v1/tickets/${requesterTicketId}/interventions`, {
        siteId,
        scheduledStart: '2026-03-10T10:30:00+01:00',
        durationMinutes: 60,
      });
      const report = {
        report: LONG_REPORT,
        durationMinutes: 95,
        travelMinutes: 30,
        signedBy: SIGNER,
        signaturePng: pngDataUrl(makePng(300, 100)),
      };
      expect((await requester.request('GET', `/api/v1/interventions/${visit.id}/report.pdf`)).status).toBe(409);
      expect((await requester.request('POST', `/api/v1/interventions/${visit.id}/report`, report)).status).toBe(403);
      expect((await clientManager.request('POST', `/api/v1/interventions/${visit.id}/report`, report)).status).toBe(
        403,
      );
      const notPng = await tech.request('POST', `/api/v1/interventions/${visit.id}/report`, {
        ...report,
        signaturePng: `data:image/png;base64,${Buffer.from('GIF89a, not a PNG at all, sorry').toString('base64')}`,
      });
      expect(notPng.status).toBe(422);
      expect(await notPng.text()).toContain('not a PNG');
      const big = await tech.request('POST', `/api/v1/interventions/${visit.id}/report`, {
        ...report,
        signaturePng: pngDataUrl(makePng(290, 290, 'noise')),
      });
      expect(big.status).toBe(422);
      expect(await big.text()).toContain('at most 300 kB');

      const done = await tech.json<Intervention>('POST', `/api/v1/interventions/${visit.id}/report`, report, 200);
      expect(done).toMatchObject({ status: 'done', durationMinutes: 95, travelMinutes: 30, signedBy: SIGNER });
      expect(done.signedAt).toBe('2026-03-10T09:00:00.000Z');
      expect((await tech.request('POST', `/api/v1/interventions/${visit.id}/report`, report)).status).toBe(409);

      const entries = await tech.json<Page<TimeEntry>>('GET', `/api/v1/tickets/${requesterTicketId}/time-entries`);
      expect(entries.items).toEqual([
        expect.objectContaining({
          minutes: 125,
          billable: false,
          note: 'Intervention sur site : Siège — Bâtiment Œ (dont 30 min de trajet)',
        }),
      ]);
      const timeline = await requester.json<Page<TicketEvent>>('GET', `/api/v1/tickets/${requesterTicketId}/events`);
      expect(timeline.items.filter((e) => e.kind === 'intervention').map((e) => e.data.action)).toEqual([
        'planned',
        'done',
      ]);

      const response = await requester.request('GET', `/api/v1/interventions/${visit.id}/report.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/intervention-T-\d{6}-2026-03-10\.pdf/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const { pages, fonts } = await pdfText(bytes);
      expect(pages.length).toBeGreaterThan(1);
      expect(fonts.some((name) => name.startsWith('DejaVuSans'))).toBe(true);
      const text = pages.join('\n');
      for (const expected of [
        'Vigie',
        'Rapport d’intervention',
        'Société Étoile',
        'Siège — Bâtiment Œ',
        '12 rue de l’Église',
        '75001 Paris',
        'Imprimante hors ligne',
        'François Müller',
        'mardi 10 mars 2026 à 10:30 (Europe/Paris)',
        '1 h 35',
        'remplacement du commutateur « cœur » du 2ᵉ étage',
        'Étape 70',
        SIGNER,
      ]) {
        expect(text).toContain(expected);
      }

      expect((await clientManager.request('GET', `/api/v1/interventions/${visit.id}/report.pdf`)).status).toBe(200);
      expect((await managerOfB.request('GET', `/api/v1/interventions/${visit.id}/report.pdf`)).status).toBe(404);
      expect((await techB.request('GET', `/api/v1/interventions/${visit.id}/report.pdf`)).status).toBe(404);
    });

    it('hides the visits of a ticket a requester does not read', async () => {
      const visit = await tech.json<Intervention>('POST', `/api/v1/tickets/${ticketId}/interventions`, {
        siteId,
        scheduledStart: '2026-03-13T09:00:00+01:00',
        durationMinutes: 30,
      });
      expect((await requester.request('GET', `/api/v1/interventions/${visit.id}`)).status).toBe(404);
      expect((await requester.request('GET', `/api/v1/interventions/${visit.id}/report.pdf`)).status).toBe(404);
      expect((await requester.request('GET', `/api/v1/tickets/${ticketId}/interventions`)).status).toBe(404);
    });

    it('dates the time of a visit reported before its planned day today, not in the future', async () => {
      const visit = await tech.json<Intervention>('POST', `/api/v1/tickets/${ticketId}/interventions`, {
        siteId,
        scheduledStart: '2026-03-20T09:00:00+01:00',
        durationMinutes: 60,
      });
      const done = await tech.json<Intervention>(
        'POST',
        `/api/v1/interventions/${visit.id}/report`,
        {
          report: 'Venu plus tôt à la demande du client',
          durationMinutes: 45,
          travelMinutes: 0,
          signedBy: 'Client',
          signaturePng: pngDataUrl(makePng(40, 20)),
        },
        200,
      );
      expect(done.status).toBe('done');
      const entries = await tech.json<Page<TimeEntry>>('GET', `/api/v1/tickets/${ticketId}/time-entries?limit=200`);
      expect(entries.items.at(-1)).toMatchObject({ minutes: 45, workDate: '2026-03-10' });
    });

    it('counts time dated before the contract’s start in its first period, and after its end in its last', async () => {
      const f = factories(h.services);
      const client = await f.client();
      const bank = { hours: 1, warningPercent: 50, rollover: 'none', period: 'month' };
      const starting = await f.contract(client.id, { startsOn: '2026-03-10', hourBank: bank } as never);
      const ticket = await openTicket(manager, client.id, 'Migration des postes');
      const log = (minutes: number, workDate?: string) =>
        manager.json('POST', `/api/v1/tickets/${ticket}/time-entries`, { minutes, billable: true, workDate });
      await log(40, '2026-03-09');
      await log(40);
      const usage = await manager.json<HourBankUsage>('GET', `/api/v1/contracts/${starting.id}/hour-bank`);
      expect(usage).toMatchObject({ usedMinutes: 80, warning: true, exhausted: true });
      const events = (await manager.json<Page<TicketEvent>>('GET', `/api/v1/tickets/${ticket}/events?limit=200`)).items;
      expect(
        events.filter((e) => e.kind === 'time').map((e) => [e.data.hourBankWarning, e.data.hourBankExhausted]),
      ).toEqual([
        [true, false],
        [false, true],
      ]);

      // A ticket opened under a contract that has ended since: its time still counts in the last period.
      const ended = await f.client();
      const endedContract = await f.contract(ended.id, {
        startsOn: '2026-02-01',
        endsOn: '2026-03-09',
        hourBank: bank,
      } as never);
      const now = h.clock.now();
      h.clock.set(new Date('2026-03-05T09:00:00Z'));
      const late = await openTicket(manager, ended.id, 'Dernière demande');
      h.clock.set(now);
      await manager.json('POST', `/api/v1/tickets/${late}/time-entries`, { minutes: 20, billable: true });
      const last = await manager.json<HourBankUsage>('GET', `/api/v1/contracts/${endedContract.id}/hour-bank`);
      expect(last).toMatchObject({ periodStart: '2026-03-01', periodEnd: '2026-03-09', usedMinutes: 20 });
    });
  });
}
