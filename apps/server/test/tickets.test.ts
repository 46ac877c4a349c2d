import type { Ticket, TicketEvent, TicketSummary } from '@vigie/contracts';
import { defaultPriorityMatrix } from '@vigie/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { defaultSlaActions } from '../src/modules/tickets/sla-milestones.js';
import { SlaScheduler } from '../src/modules/tickets/sla-scheduler.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';

type Page<T> = { items: T[]; nextCursor: string | null };

/** An office in Paris, 8:30–12:00 and 13:30–18:00 on weekdays, French public holidays. */
const officeHours = {
  timeZone: 'Europe/Paris',
  alwaysOpen: false,
  weekly: [1, 2, 3, 4, 5].flatMap((day) => [
    { day, start: '08:30', end: '12:00' },
    { day, start: '13:30', end: '18:00' },
  ]),
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

/** Wall-clock instant in Paris (March 2026: UTC+1, before the switch to summer time on the 29th). */
const paris = (local: string) => new Date(`${local}+01:00`);

for (const dialect of DIALECTS) {
  describe(`tickets, levels and SLA clocks (${dialect})`, () => {
    let h: Harness;
    let lea: ApiClient;
    let karim: ApiClient;
    let requester: ApiClient;
    let manager: ApiClient;
    let clientId: string;
    let otherClientId: string;
    let contactId: string;
    let n2TeamId: string;
    let leaId: string;
    let karimId: string;

    beforeAll(async () => {
      h = await startHarness(dialect);
      h.clock.set(paris('2026-03-06T17:00:00'));
      const f = factories(h.services);
      const client = await f.client();
      const other = await f.client();
      clientId = client.id;
      otherClientId = other.id;
      await f.contract(clientId, {
        calendar: officeHours,
        slaPolicy: policy,
        scopeDomains: ['servers', 'workstations'],
      } as never);
      const leaUser = await f.user('technician', null, { supportLevel: 1, name: 'Léa N1' });
      const karimUser = await f.user('technician', null, { supportLevel: 2, name: 'Karim N2' });
      const managerUser = await f.user('manager', null, { name: 'Paul Manager' });
      leaId = leaUser.id;
      karimId = karimUser.id;
      await h.services.teams.create(systemCtx, {
        name: 'N1 desk',
        description: null,
        memberIds: [leaId],
        clientIds: [clientId],
      });
      const n2 = await h.services.teams.create(systemCtx, {
        name: 'N2 systems',
        description: null,
        memberIds: [karimId],
        clientIds: [clientId],
      });
      n2TeamId = n2.id;
      const contact = await f.contact(clientId, {
        firstName: 'Claire',
        lastName: 'Dubois',
        phone: '+33 1 23 45 67 89',
      });
      contactId = contact.id;
      const requesterUser = await f.user('requester', clientId, { email: contact.email as string });
      lea = new ApiClient(h.baseUrl);
      karim = new ApiClient(h.baseUrl);
      requester = new ApiClient(h.baseUrl);
      manager = new ApiClient(h.baseUrl);
      people[leaUser.email] = lea;
      people[karimUser.email] = karim;
      people[requesterUser.email] = requester;
      people[managerUser.email] = manager;
      await at(paris('2026-03-06T17:00:00'));
    });
    afterAll(async () => h?.close());

    /** Moves the clock; sessions idle for days have expired meanwhile, so everyone signs in again. */
    async function at(instant: Date): Promise<void> {
      h.clock.set(instant);
      await Promise.all(Object.entries(people).map(([email, client]) => client.login(email, PASSWORD)));
    }
    const people: Record<string, ApiClient> = {};

    it('runs a P3 from a Friday 17:30 call to its close, every deadline right to the minute', async () => {
      // Friday 6 March 2026, 17:30 in Paris: half an hour of business time left that day.
      await at(paris('2026-03-06T17:30:00'));
      const created = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Serveur de fichiers inaccessible',
        description: 'Le lecteur P: ne répond plus depuis 17h',
        requesterContactId: contactId,
        impact: 3,
        urgency: 3,
      });
      // Nobody named a team: it lands with the team of the person who logged it (Léa's N1 desk).
      expect(created).toMatchObject({ priority: 'P3', status: 'assigned', supportLevel: 1, source: 'phone' });
      expect(created.team?.name).toBe('N1 desk');
      expect(created.reference).toMatch(/^T-\d{6}$/);
      expect(created.requester.name).toBe('Claire Dubois');
      // TTO 60 business minutes: 17:30–18:00 Friday, then 08:30–09:00 Monday.
      expect(created.sla.tto?.deadline).toBe(paris('2026-03-09T09:00:00').toISOString());
      expect(created.sla.tto?.warningAt).toBe(paris('2026-03-09T08:45:00').toISOString());
      // TTR 480: 30 Friday + 210 Monday morning + 240 from 13:30 → Monday 17:30.
      expect(created.sla.ttr?.deadline).toBe(paris('2026-03-09T17:30:00').toISOString());
      expect(created.sla.timeZone).toBe('Europe/Paris');

      // Monday 08:40: Léa takes it — in time.
      await at(paris('2026-03-09T08:40:00'));
      const taken = await lea.json<Ticket>('POST', `/api/v1/tickets/${created.id}/take`, undefined, 200);
      expect(taken.status).toBe('in_progress');
      expect(taken.assignee?.id).toBe(leaId);
      expect(taken.sla.tto).toMatchObject({ status: 'stopped', met: true, consumedMinutes: 40 });

      // 10:00: waiting for the requester; TTR has consumed 30 + 90 = 120 minutes and is paused.
      await at(paris('2026-03-09T10:00:00'));
      const waiting = await lea.json<Ticket>(
        'POST',
        `/api/v1/tickets/${created.id}/status`,
        { status: 'pending', pendingReason: 'requester' },
        200,
      );
      expect(waiting.sla.ttr).toMatchObject({ status: 'paused', consumedMinutes: 120, deadline: null });
      expect(waiting.pendingReason).toBe('requester');

      // Tuesday 11:00 the requester answers: the ticket comes back and TTR resumes with 360 minutes left:
      // 11:00–12:00, 13:30–18:00, then 30 minutes Wednesday → Wednesday 09:00 (not the old deadline + the pause).
      await at(paris('2026-03-10T11:00:00'));
      await requester.json('POST', `/api/v1/tickets/${created.id}/comments`, { body: 'Voici la capture demandée.' });
      const resumed = await lea.json<Ticket>('GET', `/api/v1/tickets/${created.id}`);
      expect(resumed.status).toBe('in_progress');
      expect(resumed.sla.ttr).toMatchObject({ status: 'running', consumedMinutes: 120 });
      expect(resumed.sla.ttr?.deadline).toBe(paris('2026-03-11T09:00:00').toISOString());

      // Tuesday 14:00, the impact turns out wider: P2 (TTR 240). Consumed 210 is kept: 30 minutes left → 14:30.
      await at(paris('2026-03-10T14:00:00'));
      const raised = await lea.json<Ticket>('PATCH', `/api/v1/tickets/${created.id}`, { impact: 2, urgency: 2 }, 200);
      expect(raised.priority).toBe('P2');
      expect(raised.sla.ttr?.deadline).toBe(paris('2026-03-10T14:30:00').toISOString());

      // The scheduler at 14:31 fires the warning and the breach once, and tells Léa and the manager.
      await at(paris('2026-03-10T14:31:00'));
      const scheduler = new SlaScheduler(h.db, h.clock);
      expect((await scheduler.tick()).milestones).toBe(2);
      expect((await scheduler.tick()).milestones).toBe(0);
      const afterBreach = await lea.json<Ticket>('GET', `/api/v1/tickets/${created.id}`);
      expect(afterBreach.sla.ttr).toMatchObject({ warned: true, breached: true });
      const notes = await manager.json<Page<{ kind: string; ticketReference: string }>>('GET', '/api/v1/notifications');
      expect(notes.items.map((n) => n.kind)).toContain('sla.ttr.breach');
      const leaNotes = await lea.json<Page<{ kind: string }>>('GET', '/api/v1/notifications');
      expect(leaNotes.items.map((n) => n.kind).sort()).toEqual(['client_reply', 'sla.ttr.breach', 'sla.ttr.warning']);

      // The breaching ticket tops the breaching-soon queue.
      const breaching = await lea.json<Page<TicketSummary>>('GET', '/api/v1/tickets?queue=breaching');
      expect(breaching.items[0]?.id).toBe(created.id);

      // Escalation needs a diagnosis: refused, nothing changes.
      const refused = await lea.request('POST', `/api/v1/tickets/${created.id}/escalate`, {
        kind: 'functional',
        toLevel: 2,
        diagnosis: 'see above',
        teamId: n2TeamId,
      });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/diagnosis note/);
      expect((await lea.json<Ticket>('GET', `/api/v1/tickets/${created.id}`)).supportLevel).toBe(1);

      const escalated = await lea.json<Ticket>(
        'POST',
        `/api/v1/tickets/${created.id}/escalate`,
        {
          kind: 'functional',
          toLevel: 2,
          diagnosis: 'Service SMB arrêté sur FS01, redémarrage impossible : erreur disque',
          teamId: n2TeamId,
        },
        200,
      );
      expect(escalated).toMatchObject({ supportLevel: 2, status: 'assigned', team: { id: n2TeamId }, assignee: null });

      // N2 takes it and resolves with a workaround: a follow-up task keeps the real fix.
      await at(paris('2026-03-10T14:40:00'));
      await karim.json('POST', `/api/v1/tickets/${created.id}/take`, undefined, 200);
      const resolved = await karim.json<Ticket>(
        'POST',
        `/api/v1/tickets/${created.id}/resolve`,
        { kind: 'workaround', text: 'Partage déplacé sur FS02 en attendant le disque', cause: 'Disque RAID dégradé' },
        200,
      );
      expect(resolved.status).toBe('resolved');
      expect(resolved.solution).toMatchObject({ kind: 'workaround', cause: 'Disque RAID dégradé' });
      expect(resolved.followUpTicket?.reference).toMatch(/^T-\d{6}$/);
      // Five business days after Tuesday 10 March: Wed, Thu, Fri, Mon, Tue 17 → closes at 18:00 that day.
      expect(resolved.autoCloseAt).toBe(paris('2026-03-17T18:00:00').toISOString());
      const followUp = await karim.json<Ticket>('GET', `/api/v1/tickets/${resolved.followUpTicket?.id}`);
      expect(followUp).toMatchObject({ type: 'task', parentTicket: { id: created.id }, team: { id: n2TeamId } });

      // The requester rejects the solution: the ticket reopens to Karim, recorded as a rejection.
      const reopened = await requester.json<Ticket>(
        'POST',
        `/api/v1/tickets/${created.id}/reject`,
        { reason: 'Le partage FS02 est en lecture seule' },
        200,
      );
      expect(reopened).toMatchObject({ status: 'in_progress', assignee: { id: karimId }, autoCloseAt: null });
      await karim.json(
        'POST',
        `/api/v1/tickets/${created.id}/resolve`,
        { kind: 'solution', text: 'Droits corrigés' },
        200,
      );
      const closed = await requester.json<Ticket>('POST', `/api/v1/tickets/${created.id}/confirm`, undefined, 200);
      expect(closed).toMatchObject({ status: 'closed', closeCause: 'requester_confirmation' });
      expect(closed.sla.ttr).toMatchObject({ status: 'stopped', met: false });
      await requester.json('POST', `/api/v1/tickets/${created.id}/rating`, { rating: 4, comment: 'Merci' }, 200);

      // The timeline tells it all; the requester does not see internal events.
      const staffTimeline = await lea.json<Page<TicketEvent>>('GET', `/api/v1/tickets/${created.id}/events?limit=200`);
      const kinds = staffTimeline.items.map((e) => e.kind);
      for (const kind of [
        'created',
        'assignment',
        'status',
        'reply',
        'priority',
        'sla',
        'escalation',
        'solution',
        'rejection',
        'confirmation',
        'rating',
      ]) {
        expect(kinds).toContain(kind);
      }
      const clientTimeline = await requester.json<Page<TicketEvent>>(
        'GET',
        `/api/v1/tickets/${created.id}/events?limit=200`,
      );
      expect(clientTimeline.items.every((e) => e.visibility === 'public')).toBe(true);
      expect(clientTimeline.items.map((e) => e.kind)).not.toContain('escalation');
    });

    it('closes a resolved ticket by itself after five business days without an answer', async () => {
      await at(paris('2026-03-12T10:00:00'));
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Imprimante', takeNow: true });
      await lea.json('POST', `/api/v1/tickets/${t.id}/resolve`, { kind: 'solution', text: 'Toner remplacé' }, 200);
      const scheduler = new SlaScheduler(h.db, h.clock);
      await at(paris('2026-03-19T17:59:00'));
      expect((await scheduler.tick()).autoClosed).toBe(0);
      await at(paris('2026-03-19T18:00:00'));
      expect((await scheduler.tick()).autoClosed).toBe(1);
      const closed = await lea.json<Ticket>('GET', `/api/v1/tickets/${t.id}`);
      expect(closed).toMatchObject({ status: 'closed', closeCause: 'auto_close' });
    });

    it('refuses what the lifecycle forbids and references to other clients, writing nothing', async () => {
      await at(paris('2026-03-20T10:00:00'));
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Lenteur' });
      const confirm = await requester.request('POST', `/api/v1/tickets/${t.id}/confirm`);
      expect(confirm.status).toBe(404); // not the requester's ticket: it does not exist for them
      const close = await lea.request('POST', `/api/v1/tickets/${t.id}/confirm`);
      expect(close.status).toBe(409);
      expect(((await close.json()) as { error: { message: string } }).error.message).toMatch(/must be resolved first/);
      const resolveNew = await lea.request('POST', `/api/v1/tickets/${t.id}/resolve`, { kind: 'solution', text: 'x' });
      expect(resolveNew.status).toBe(409);
      const otherAsset = await factories(h.services).asset(otherClientId);
      const count = async () =>
        (
          await h.db
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const before = Number(await count());
      const bad = await lea.request('POST', '/api/v1/tickets', { clientId, title: 'x', assetIds: [otherAsset.id] });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain('assetIds');
      expect(Number(await count())).toBe(before);
      const foreign = await lea.request('POST', '/api/v1/tickets', { clientId: otherClientId, title: 'x' });
      expect(foreign.status).toBe(404);
      const badTitle = await lea.request('POST', '/api/v1/tickets', { clientId, title: '  ' });
      expect(badTitle.status).toBe(400);
      const internalByClient = await requester.request('POST', `/api/v1/tickets/${t.id}/comments`, {
        body: 'x',
        visibility: 'internal',
      });
      expect(internalByClient.status).toBe(403);
    });

    it('starts at N2 when the client keeps N1, and flags out-of-scope work as billable', async () => {
      const f = factories(h.services);
      const client = await f.client();
      await f.contract(client.id, { supportLevels: [2, 3], scopeDomains: ['servers'] } as never);
      const switchAsset = await f.asset(client.id, { type: 'switch' });
      const serverAsset = await f.asset(client.id, { type: 'server' });
      const admin = new ApiClient(h.baseUrl);
      const adminUser = await f.user('admin');
      await admin.login(adminUser.email, PASSWORD);
      const inScope = await admin.json<Ticket>('POST', '/api/v1/tickets', {
        clientId: client.id,
        title: 'Serveur lent',
        assetIds: [serverAsset.id],
      });
      expect(inScope).toMatchObject({ supportLevel: 2, entryLevel: 2, outOfScope: false, levelsDelivered: [2, 3] });
      const outOfScope = await admin.json<Ticket>('POST', '/api/v1/tickets', {
        clientId: client.id,
        title: 'Switch en panne',
        assetIds: [switchAsset.id],
      });
      expect(outOfScope.outOfScope).toBe(true);
      expect(outOfScope.sla.ttr).not.toBeNull();
    });

    it('finds tickets by words of their notes, by reference, and only within reach', async () => {
      await at(paris('2026-03-23T09:00:00'));
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Messagerie', takeNow: true });
      await lea.json('POST', `/api/v1/tickets/${t.id}/comments`, {
        body: 'Quota Exchange dépassé',
        visibility: 'internal',
      });
      const byNote = await lea.json<Page<TicketSummary>>('GET', '/api/v1/tickets?queue=all&q=depasse');
      expect(byNote.items.map((i) => i.id)).toEqual([t.id]);
      const byRef = await lea.json<Page<TicketSummary>>(`GET`, `/api/v1/tickets?queue=all&q=${t.reference}`);
      expect(byRef.items.map((i) => i.id)).toEqual([t.id]);
      const mine = await lea.json<Page<TicketSummary>>('GET', '/api/v1/tickets?queue=mine');
      expect(mine.items.map((i) => i.id)).toContain(t.id);
      const others = new ApiClient(h.baseUrl);
      const f = factories(h.services);
      const outsider = await f.user('client_manager', otherClientId);
      await others.login(outsider.email, PASSWORD);
      const seen = await others.json<Page<TicketSummary>>('GET', '/api/v1/tickets?queue=all');
      expect(seen.items).toEqual([]);
      expect((await others.request('GET', `/api/v1/tickets/${t.id}`)).status).toBe(404);
    });

    it('finds the caller by phone number whatever the spacing', async () => {
      const found = await lea.json<{ items: { contact: { name: string } | null }[] }>(
        'GET',
        '/api/v1/caller-lookup?q=01.23.45.67.89',
      );
      expect(found.items.map((i) => i.contact?.name)).toContain('Claire Dubois');
    });

    it('takes tickets from integrations through an API token', async () => {
      const created = await lea.json<{ secret: string }>('POST', '/api/v1/tokens', {
        name: 'supervision',
        scopes: ['read', 'write'],
        expiresInDays: 30,
      });
      const integration = ApiClient.withToken(h.baseUrl, created.secret);
      const ticket = await integration.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Disque C: plein sur SRV-APP',
        impact: 2,
        urgency: 3,
      });
      expect(ticket).toMatchObject({ source: 'api', priority: 'P2', status: 'assigned' });
      const readOnly = await lea.json<{ secret: string }>('POST', '/api/v1/tokens', {
        name: 'reporting',
        scopes: ['read'],
        expiresInDays: 30,
      });
      const reader = ApiClient.withToken(h.baseUrl, readOnly.secret);
      expect((await reader.request('POST', '/api/v1/tickets', { clientId, title: 'x' })).status).toBe(403);
    });

    it('keeps the priority matrix monotonic and applies it to new tickets', async () => {
      const admin = new ApiClient(h.baseUrl);
      const adminUser = await factories(h.services).user('admin');
      await admin.login(adminUser.email, PASSWORD);
      const wrong = await admin.request('PUT', '/api/v1/settings/priority-matrix', {
        matrix: [
          ['P4', 'P1', 'P2', 'P3'],
          ['P1', 'P2', 'P2', 'P3'],
          ['P2', 'P2', 'P3', 'P4'],
          ['P3', 'P3', 'P4', 'P4'],
        ],
      });
      expect(wrong.status).toBe(422);
      expect((await lea.request('PUT', '/api/v1/settings/priority-matrix', { matrix: [] })).status).toBe(400);
      const matrix = [
        ['P1', 'P1', 'P1', 'P2'],
        ['P1', 'P2', 'P2', 'P3'],
        ['P2', 'P2', 'P3', 'P4'],
        ['P3', 'P3', 'P4', 'P4'],
      ];
      await admin.json('PUT', '/api/v1/settings/priority-matrix', { matrix }, 200);
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Site web hors ligne',
        impact: 1,
        urgency: 3,
      });
      expect(t.priority).toBe('P1');
      // Back to the standard matrix for the other tests.
      await admin.json('PUT', '/api/v1/settings/priority-matrix', { matrix: defaultPriorityMatrix() }, 200);
    });

    it('merges a duplicate into the ticket that carries on', async () => {
      const a = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'VPN coupé' });
      const b = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'VPN ne marche plus' });
      const target = await lea.json<Ticket>('POST', `/api/v1/tickets/${b.id}/merge`, { intoTicketId: a.id }, 200);
      expect(target.id).toBe(a.id);
      const merged = await lea.json<Ticket>('GET', `/api/v1/tickets/${b.id}`);
      expect(merged).toMatchObject({ status: 'closed', mergedInto: { id: a.id } });
    });

    it('merges one of two tickets merged into each other at the same time, and refuses the other', async () => {
      for (let i = 0; i < 5; i++) {
        const a = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: `Doublon A${i}` });
        const b = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: `Doublon B${i}` });
        const crossed = await Promise.all([
          lea.request('POST', `/api/v1/tickets/${a.id}/merge`, { intoTicketId: b.id }),
          manager.request('POST', `/api/v1/tickets/${b.id}/merge`, { intoTicketId: a.id }),
        ]);
        expect(crossed.map((r) => r.status).sort()).toEqual([200, 409]);
      }
    });

    it('keeps the reason a manager was brought in from client people', async () => {
      await at(paris('2026-03-24T09:00:00'));
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'ERP lent',
        requesterContactId: contactId,
        takeNow: true,
      });
      const reason = 'Client mécontent, menace de résilier le contrat';
      await lea.json('POST', `/api/v1/tickets/${t.id}/escalate`, { kind: 'hierarchical', reason }, 200);
      expect((await lea.json<Ticket>('GET', `/api/v1/tickets/${t.id}`)).managerEscalation?.reason).toBe(reason);
      const seen = await requester.json<Ticket>('GET', `/api/v1/tickets/${t.id}`);
      expect(seen.managerEscalation).toBeNull();
      expect(JSON.stringify(seen)).not.toContain('mécontent');
    });

    it('hands a ticket only to teams serving its client, so that no other client’s team hears of it', async () => {
      await at(paris('2026-03-24T10:00:00'));
      const f = factories(h.services);
      const outsiderUser = await f.user('technician', null, { supportLevel: 2, name: 'Tech of the other client' });
      const otherTeam = await h.services.teams.create(systemCtx, {
        name: 'Other client desk',
        description: null,
        memberIds: [outsiderUser.id],
        clientIds: [otherClientId],
      });
      const outsider = new ApiClient(h.baseUrl);
      people[outsiderUser.email] = outsider;
      await outsider.login(outsiderUser.email, PASSWORD);
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Fuite du fichier des salaires',
        takeNow: true,
      });
      const assign = await manager.request('POST', `/api/v1/tickets/${t.id}/assign`, { teamId: otherTeam.id });
      expect(assign.status).toBe(422);
      const escalate = await lea.request('POST', `/api/v1/tickets/${t.id}/escalate`, {
        kind: 'functional',
        toLevel: 2,
        diagnosis: 'Droits NTFS trop larges sur le partage RH',
        teamId: otherTeam.id,
      });
      expect(escalate.status).toBe(422);
      const created = await manager.request('POST', '/api/v1/tickets', { clientId, title: 'x', teamId: otherTeam.id });
      expect(created.status).toBe(422);
      // Nor through a category whose default team serves other clients only.
      const category = await h.services.ticketSetup.createCategory(systemCtx, {
        name: 'Téléphonie',
        defaultTeamId: otherTeam.id,
        active: true,
      });
      const filed = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Standard',
        categoryId: category.id,
      });
      expect(filed.team?.id).not.toBe(otherTeam.id);
      // Nor by an SLA action: the breach leaves the ticket with its team.
      await manager.json(
        'PUT',
        '/api/v1/settings/sla-actions',
        {
          warning: [],
          breach: [
            { type: 'reassign', teamId: otherTeam.id },
            { type: 'notify', to: 'team' },
          ],
          olaBreach: [],
        },
        200,
      );
      await at(paris('2026-03-26T10:00:00'));
      await new SlaScheduler(h.db, h.clock).tick();
      expect((await lea.json<Ticket>('GET', `/api/v1/tickets/${filed.id}`)).team?.id).toBe(filed.team?.id);
      await manager.json('PUT', '/api/v1/settings/sla-actions', defaultSlaActions(), 200);
      const unchanged = await lea.json<Ticket>('GET', `/api/v1/tickets/${t.id}`);
      expect(unchanged).toMatchObject({ supportLevel: 1, status: 'in_progress', assignee: { id: leaId } });
      const heard = await outsider.json<Page<{ ticketId: string }>>('GET', '/api/v1/notifications');
      expect(heard.items).toEqual([]);
    });

    it('never leaves a ticket past intake held by nobody', async () => {
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Scanner' });
      expect(t).toMatchObject({ status: 'assigned', assignee: null });
      const dropped = await lea.request('POST', `/api/v1/tickets/${t.id}/assign`, { teamId: null });
      expect(dropped.status).toBe(422);
      expect(await lea.json<Ticket>('GET', `/api/v1/tickets/${t.id}`)).toMatchObject({
        status: 'assigned',
        team: { id: t.team?.id },
      });
      await lea.json('POST', `/api/v1/tickets/${t.id}/take`, undefined, 200);
      const released = await lea.request('POST', `/api/v1/tickets/${t.id}/assign`, { teamId: null, assigneeId: null });
      expect(released.status).toBe(422);
    });

    it('takes a waiting ticket that changed hands back to its new team when the requester answers', async () => {
      await at(paris('2026-03-30T09:00:00'));
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Accès VPN refusé',
        requesterContactId: contactId,
        takeNow: true,
      });
      await lea.json('POST', `/api/v1/tickets/${t.id}/status`, { status: 'pending', pendingReason: 'requester' }, 200);
      // While it waits, the manager gives it to the N2 team: nobody has it in hand any more.
      const moved = await manager.json<Ticket>('POST', `/api/v1/tickets/${t.id}/assign`, { teamId: n2TeamId }, 200);
      expect(moved).toMatchObject({ status: 'pending', assignee: null, team: { id: n2TeamId } });
      await at(paris('2026-03-30T10:00:00'));
      await requester.json('POST', `/api/v1/tickets/${t.id}/comments`, { body: 'Voici le message d’erreur.' });
      const back = await lea.json<Ticket>('GET', `/api/v1/tickets/${t.id}`);
      expect(back).toMatchObject({ status: 'assigned', team: { id: n2TeamId }, assignee: null });
      expect(back.sla.ttr?.status).toBe('running');

      // Escalated while waiting, then resolved: the one who resolves it owns it, and a rejection reopens to them.
      await karim.json('POST', `/api/v1/tickets/${t.id}/take`, undefined, 200);
      await karim.json('POST', `/api/v1/tickets/${t.id}/status`, { status: 'pending', pendingReason: 'vendor' }, 200);
      await karim.json(
        'POST',
        `/api/v1/tickets/${t.id}/escalate`,
        { kind: 'functional', toLevel: 3, diagnosis: 'Certificat du concentrateur VPN expiré', teamId: n2TeamId },
        200,
      );
      const resolved = await lea.json<Ticket>(
        'POST',
        `/api/v1/tickets/${t.id}/resolve`,
        { kind: 'solution', text: 'Certificat renouvelé' },
        200,
      );
      expect(resolved).toMatchObject({ status: 'resolved', assignee: { id: leaId } });
      const reopened = await requester.json<Ticket>(
        'POST',
        `/api/v1/tickets/${t.id}/reject`,
        { reason: 'Toujours refusé' },
        200,
      );
      expect(reopened).toMatchObject({ status: 'in_progress', assignee: { id: leaId } });
    });

    it('records on the timeline who a ticket went to when it is put in progress from a team’s queue', async () => {
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Écran noir' });
      expect(t.assignee).toBeNull();
      const started = await lea.json<Ticket>('POST', `/api/v1/tickets/${t.id}/status`, { status: 'in_progress' }, 200);
      expect(started).toMatchObject({ status: 'in_progress', assignee: { id: leaId } });
      const timeline = await lea.json<Page<TicketEvent>>('GET', `/api/v1/tickets/${t.id}/events?limit=200`);
      expect(timeline.items.filter((e) => e.kind === 'assignment').at(-1)?.data).toMatchObject({ assigneeId: leaId });
    });

    it('starts the clocks a contract brings later as the ticket stands: taken, and waiting', async () => {
      await at(paris('2026-03-30T11:00:00'));
      const f = factories(h.services);
      const newcomer = await f.client();
      await f.contract(newcomer.id, { startsOn: '2026-04-01', calendar: officeHours, slaPolicy: policy } as never);
      const t = await manager.json<Ticket>('POST', '/api/v1/tickets', {
        clientId: newcomer.id,
        title: 'Migration de la messagerie',
        takeNow: true,
      });
      expect(t.sla.ttr).toBeNull();
      await manager.json('POST', `/api/v1/tickets/${t.id}/status`, { status: 'pending', pendingReason: 'vendor' }, 200);
      // The contract is in force from 1 April: the next qualification gives the ticket its SLA.
      await at(paris('2026-04-01T10:00:00'));
      const qualified = await manager.json<Ticket>('PATCH', `/api/v1/tickets/${t.id}`, { impact: 2 }, 200);
      expect(qualified.contract).not.toBeNull();
      expect(qualified.sla.tto).toMatchObject({ status: 'stopped', met: true });
      expect(qualified.sla.ttr).toMatchObject({ status: 'paused', deadline: null });
    });

    it('tells the assignee of a milestone that falls due while they are writing on the ticket', async () => {
      await at(paris('2026-04-02T09:00:00'));
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Lecteur réseau', takeNow: true });
      // P3: 480 business minutes to resolve; by the next morning both the warning and the breach are due.
      await at(paris('2026-04-03T11:00:00'));
      await lea.json('POST', `/api/v1/tickets/${t.id}/comments`, { body: 'Toujours en test', visibility: 'internal' });
      const fired = await lea.json<Ticket>('GET', `/api/v1/tickets/${t.id}`);
      expect(fired.sla.ttr).toMatchObject({ warned: true, breached: true });
      const notes = await lea.json<Page<{ kind: string; ticketId: string }>>('GET', '/api/v1/notifications');
      const kinds = notes.items.filter((n) => n.ticketId === t.id).map((n) => n.kind);
      expect(kinds.sort()).toEqual(['sla.ttr.breach', 'sla.ttr.warning']);
    });

    it('finds a ticket by its new requester’s name', async () => {
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Badge perdu' });
      await lea.json('PATCH', `/api/v1/tickets/${t.id}`, { requesterContactId: contactId }, 200);
      const found = await lea.json<Page<TicketSummary>>('GET', '/api/v1/tickets?queue=all&q=dubois&limit=200');
      expect(found.items.map((i) => i.id)).toContain(t.id);
    });

    it('finds no ticket, rather than failing, by a reference beyond any ticket number', async () => {
      for (const q of ['T-999999999999', '999999999']) {
        const found = await lea.json<Page<TicketSummary>>('GET', `/api/v1/tickets?queue=all&q=${q}`);
        expect(found.items).toEqual([]);
      }
    });

    it('links an asset named twice once', async () => {
      const asset = await factories(h.services).asset(clientId);
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Serveur en double',
        assetIds: [asset.id, asset.id],
      });
      expect(t.assets.map((a) => a.id)).toEqual([asset.id]);
      const patched = await lea.json<Ticket>(
        'PATCH',
        `/api/v1/tickets/${t.id}`,
        { assetIds: [asset.id, asset.id] },
        200,
      );
      expect(patched.assets.map((a) => a.id)).toEqual([asset.id]);
    });

    it('refuses text with NUL characters as a bad request, on both databases', async () => {
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Octets nuls' });
      const attempts: [ApiClient, string, string, unknown][] = [
        [lea, 'POST', '/api/v1/tickets', { clientId, title: 'nul\u0000' }],
        [lea, 'POST', `/api/v1/tickets/${t.id}/comments`, { body: 'a\u0000b', visibility: 'internal' }],
        [requester, 'GET', '/api/v1/tickets?queue=all&q=a%00b', undefined],
        [lea, 'GET', '/api/v1/caller-lookup?q=ab%00', undefined],
        [lea, 'POST', '/api/v1/kb/articles', { title: 'Titre', body: 'x\u0000' }],
        [lea, 'POST', '/api/v1/ticket-views', { name: 'vue', query: { 'a\u0000': 'b' } }],
      ];
      for (const [api, method, path, body] of attempts) {
        const response = await api.request(method, path, body);
        expect([path, response.status]).toEqual([path, 400]);
      }
      expect(await lea.json<Ticket>('GET', `/api/v1/tickets/${t.id}`)).toMatchObject({ title: 'Octets nuls' });
    });

    it('refuses a forged cursor on lists sorted by an instant, on both databases', async () => {
      const forged = (after: unknown) => Buffer.from(JSON.stringify([after, 'x'])).toString('base64url');
      const t = await lea.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Curseur' });
      for (const title of ['Curseur 2', 'Curseur 3']) await lea.json('POST', '/api/v1/tickets', { clientId, title });
      for (const path of [
        '/api/v1/tickets?queue=all&sort=due',
        '/api/v1/tickets?queue=all&sort=updated',
        '/api/v1/kb/articles?limit=5',
        `/api/v1/tickets/${t.id}/interventions?limit=5`,
      ]) {
        for (const after of ['garbage', 5, '2026-02-31T00:00:00.000Z', '0000-01-01T00:00:00.000Z']) {
          const response = await lea.request('GET', `${path}&cursor=${forged(after)}`);
          expect([path, after, response.status]).toEqual([path, after, 400]);
        }
      }
      // The cursors the server gives out still page on.
      for (const sort of ['due', 'updated']) {
        const first = await lea.json<Page<TicketSummary>>('GET', `/api/v1/tickets?queue=all&sort=${sort}&limit=2`);
        expect(first.nextCursor).not.toBeNull();
        const next = await lea.json<Page<TicketSummary>>(
          'GET',
          `/api/v1/tickets?queue=all&sort=${sort}&limit=2&cursor=${first.nextCursor}`,
        );
        expect(next.items.length).toBeGreaterThan(0);
      }
    });
  });
}
