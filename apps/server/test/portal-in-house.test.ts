import type { Ticket, TicketEvent, TicketSummary } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';

type Page<T> = { items: T[]; nextCursor: string | null };

const officeHours = {
  timeZone: 'Europe/Paris',
  alwaysOpen: false,
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })),
  holidayRegion: 'FR',
  closedDays: [],
};
const policy = {
  targets: {
    P1: { ttoMinutes: 15, ttrMinutes: 120, aroundTheClock: true },
    P2: { ttoMinutes: 30, ttrMinutes: 240, aroundTheClock: false },
    P3: { ttoMinutes: 60, ttrMinutes: 480, aroundTheClock: false },
    P4: { ttoMinutes: 240, ttrMinutes: 2400, aroundTheClock: false },
  },
  warningPercent: 75,
  olaMinutes: {},
};

/** Wall-clock instant in Paris (March 2026: UTC+1). */
const paris = (local: string) => new Date(`${local}+01:00`);
const DIAGNOSIS = 'Câble et prise réseau vérifiés, le scanner ne prend pas d’adresse DHCP : à voir côté switch.';

for (const dialect of DIALECTS) {
  describe(`tickets handled by the client's own IT (${dialect})`, () => {
    let h: Harness;
    let clientId: string;
    let fullClientId: string;
    let contactId: string;
    let n2TeamId: string;
    let thomasId: string;
    const people: Record<string, ApiClient> = {};
    let thomas: ApiClient; // client_it of the client that keeps N1
    let requester: ApiClient;
    let karim: ApiClient; // provider N2
    let itOfFullClient: ApiClient; // client_it of a client that keeps nothing

    async function at(instant: Date): Promise<void> {
      h.clock.set(instant);
      await Promise.all(Object.entries(people).map(([email, client]) => client.login(email, PASSWORD)));
    }

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      clientId = (await f.client()).id;
      fullClientId = (await f.client()).id;
      await f.contract(clientId, { calendar: officeHours, slaPolicy: policy, supportLevels: [2, 3] } as never);
      await f.contract(fullClientId, { calendar: officeHours, slaPolicy: policy, supportLevels: [1, 2, 3] } as never);
      const karimUser = await f.user('technician', null, { supportLevel: 2, name: 'Karim N2' });
      const lea = await f.user('technician', null, { supportLevel: 1, name: 'Léa N1' });
      await h.services.teams.create(systemCtx, {
        name: 'N1 desk',
        description: null,
        memberIds: [lea.id],
        clientIds: [clientId, fullClientId],
      });
      n2TeamId = (
        await h.services.teams.create(systemCtx, {
          name: 'N2 systems',
          description: null,
          memberIds: [karimUser.id],
          clientIds: [clientId],
        })
      ).id;
      const contact = await f.contact(clientId, { firstName: 'Émilie', lastName: 'Schmitt' });
      contactId = contact.id;
      const thomasUser = await f.user('client_it', clientId, { name: 'Thomas IT' });
      thomasId = thomasUser.id;
      const requesterUser = await f.user('requester', clientId, { email: contact.email as string });
      const otherIt = await f.user('client_it', fullClientId);
      thomas = new ApiClient(h.baseUrl);
      requester = new ApiClient(h.baseUrl);
      karim = new ApiClient(h.baseUrl);
      itOfFullClient = new ApiClient(h.baseUrl);
      people[thomasUser.email] = thomas;
      people[requesterUser.email] = requester;
      people[karimUser.email] = karim;
      people[otherIt.email] = itOfFullClient;
      await at(paris('2026-03-10T10:00:00'));
    });
    afterAll(async () => h?.close());

    it('opens at the level the client keeps, with no provider team and no provider clock', async () => {
      await at(paris('2026-03-10T10:00:00'));
      const ticket = await thomas.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Scanner introuvable sur le réseau',
        handledInHouse: true,
      });
      expect(ticket).toMatchObject({
        supportLevel: 1,
        entryLevel: 2,
        heldInHouse: true,
        status: 'new',
        team: null,
        assignee: null,
        dueAt: null,
        sla: { tto: null, ttr: null },
        requesterName: 'Thomas IT',
      });
      const mine = await thomas.json<Page<TicketSummary>>('GET', '/api/v1/tickets?queue=in_house');
      expect(mine.items.map((t) => t.id)).toContain(ticket.id);
      // the provider's queues do not wait on it
      const unassigned = await karim.json<Page<TicketSummary>>('GET', '/api/v1/tickets?queue=unassigned');
      expect(unassigned.items.map((t) => t.id)).not.toContain(ticket.id);
      const open = await karim.json<Page<TicketSummary>>('GET', '/api/v1/tickets?queue=open');
      expect(open.items.find((t) => t.id === ticket.id)?.heldInHouse).toBe(true);
    });

    it('is refused to a requester, and to a client that keeps no level below the provider’s', async () => {
      const byRequester = await requester.request('POST', '/api/v1/tickets', {
        clientId,
        title: 'Je veux le traiter moi-même',
        handledInHouse: true,
      });
      expect(byRequester.status).toBe(403);
      const noKeptLevel = await itOfFullClient.request('POST', '/api/v1/tickets', {
        clientId: fullClientId,
        title: 'Rien à garder',
        handledInHouse: true,
      });
      expect(noKeptLevel.status).toBe(422);
      const body = (await noKeptLevel.json()) as { error: { details: { path: string[] }[] } };
      expect(body.error.details.map((d) => d.path.join('.'))).toContain('handledInHouse');
      // a provider team is refused for it, even to staff
      const withTeam = await karim.request('POST', '/api/v1/tickets', {
        clientId,
        title: 'Avec une équipe',
        handledInHouse: true,
        teamId: n2TeamId,
      });
      expect(withTeam.status).toBe(422);
    });

    it('is worked by the client’s IT, then escalated: the provider’s clocks start at the hand-over', async () => {
      await at(paris('2026-03-10T10:00:00'));
      const created = await thomas.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Scanner du bureau d’études',
        requesterContactId: contactId,
        handledInHouse: true,
        takeNow: true,
      });
      expect(created).toMatchObject({
        status: 'in_progress',
        assignee: { id: thomasId },
        requesterName: 'Émilie Schmitt',
      });
      const id = created.id;
      // the provider cannot slip its own team or technician onto a ticket the client holds
      const assign = await karim.request('POST', `/api/v1/tickets/${id}/assign`, { teamId: n2TeamId });
      expect(assign.status).toBe(422);
      expect((await karim.request('POST', `/api/v1/tickets/${id}/take`)).status).toBe(409);

      await at(paris('2026-03-10T11:30:00'));
      await thomas.json<TicketEvent>('POST', `/api/v1/tickets/${id}/comments`, { body: 'Je passe voir le câble.' });
      const short = await thomas.request('POST', `/api/v1/tickets/${id}/escalate`, {
        kind: 'functional',
        toLevel: 2,
        diagnosis: 'rien',
      });
      expect(short.status).toBe(422);
      const pickTeam = await thomas.request('POST', `/api/v1/tickets/${id}/escalate`, {
        kind: 'functional',
        toLevel: 2,
        diagnosis: DIAGNOSIS,
        teamId: n2TeamId,
      });
      expect(pickTeam.status).toBe(403);

      const escalated = await thomas.json<Ticket>(
        'POST',
        `/api/v1/tickets/${id}/escalate`,
        { kind: 'functional', toLevel: 2, diagnosis: DIAGNOSIS },
        200,
      );
      expect(escalated).toMatchObject({
        supportLevel: 2,
        heldInHouse: false,
        status: 'assigned',
        team: { id: n2TeamId },
        assignee: null,
        takenAt: null,
      });
      // P3: one business hour to take charge, counted from the hand-over (11:30), not from the opening (10:00)
      expect(escalated.sla.tto?.status).toBe('running');
      expect(escalated.sla.tto?.deadline).toBe(paris('2026-03-10T12:30:00').toISOString());
      // eight business hours to resolve: 6 h 30 on the day, 1 h 30 the next morning
      expect(escalated.sla.ttr?.deadline).toBe(paris('2026-03-11T09:30:00').toISOString());

      // now the provider's: the client's IT may no longer work it, the provider's N2 queue has it
      const take = await thomas.request('POST', `/api/v1/tickets/${id}/take`);
      expect(take.status).toBe(403);
      const queue = await karim.json<Page<TicketSummary>>('GET', `/api/v1/tickets?queue=team`);
      expect(queue.items.map((t) => t.id)).toContain(id);
      await at(paris('2026-03-10T11:45:00'));
      const taken = await karim.json<Ticket>('POST', `/api/v1/tickets/${id}/take`, undefined, 200);
      expect(taken.sla.tto).toMatchObject({ status: 'stopped', met: true });
      expect(taken.takenAt).toBe(paris('2026-03-10T11:45:00').toISOString());

      const events = await requester.json<Page<TicketEvent>>('GET', `/api/v1/tickets/${id}/events`);
      const escalation = events.items.find((e) => e.kind === 'escalation');
      expect(escalation?.data).toMatchObject({ from: 1, to: 2, toProvider: true });
    });

    it('goes up through the levels a client keeps before reaching the provider', async () => {
      // this client keeps N1 and N2; the provider delivers N3 only
      const f = factories(h.services);
      const keepsTwo = (await f.client()).id;
      await f.contract(keepsTwo, { calendar: officeHours, slaPolicy: policy, supportLevels: [3] } as never);
      const expert = await f.user('technician', null, { supportLevel: 3, name: 'Sophie N3' });
      const n3 = await h.services.teams.create(systemCtx, {
        name: 'N3 experts',
        description: null,
        memberIds: [expert.id],
        clientIds: [keepsTwo],
      });
      const itUser = await f.user('client_it', keepsTwo);
      const it = new ApiClient(h.baseUrl);
      await it.login(itUser.email, PASSWORD);
      const created = await it.json<Ticket>('POST', '/api/v1/tickets', {
        clientId: keepsTwo,
        title: 'Application métier lente',
        handledInHouse: true,
        takeNow: true,
      });
      expect(created).toMatchObject({ supportLevel: 1, entryLevel: 3, heldInHouse: true });
      const up = (toLevel: number) =>
        it.json<Ticket>(
          'POST',
          `/api/v1/tickets/${created.id}/escalate`,
          { kind: 'functional', toLevel, diagnosis: DIAGNOSIS },
          200,
        );
      const atTwo = await up(2);
      // still the client's: same holder, no provider team, no clock
      expect(atTwo).toMatchObject({ supportLevel: 2, heldInHouse: true, team: null, assignee: { id: itUser.id } });
      expect(atTwo.sla.tto).toBeNull();
      const atThree = await up(3);
      expect(atThree).toMatchObject({ supportLevel: 3, heldInHouse: false, team: { id: n3.id }, assignee: null });
      expect(atThree.sla.tto?.status).toBe('running');
    });

    it('lets the client’s manager and IT open a ticket for a colleague; a requester opens for themself', async () => {
      const forColleague = await thomas.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Écran noir',
        requesterContactId: contactId,
      });
      expect(forColleague.requesterName).toBe('Émilie Schmitt');
      expect(forColleague).toMatchObject({ supportLevel: 2, heldInHouse: false });
      const own = await requester.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Clavier cassé',
        requesterContactId: null,
      });
      expect(own.requesterName).not.toBeNull();
      expect(own.source).toBe('portal');
    });
  });
}
