import type { Ticket } from '@vigie/contracts';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { SlaScheduler } from '../src/modules/tickets/sla-scheduler.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { type SinkMessage, type SmtpSink, startSmtpSink } from './smtp-sink.js';

/** Around the clock, so that deadlines are easy to reach by moving the clock. */
const alwaysOpen = {
  timeZone: 'Europe/Paris',
  alwaysOpen: true,
  weekly: [],
  holidayRegion: null,
  closedDays: [],
};
const policy = {
  targets: {
    P1: { ttoMinutes: 15, ttrMinutes: 120, aroundTheClock: true },
    P2: { ttoMinutes: 30, ttrMinutes: 240, aroundTheClock: true },
    P3: { ttoMinutes: 60, ttrMinutes: 480, aroundTheClock: true },
    P4: { ttoMinutes: 240, ttrMinutes: 2400, aroundTheClock: true },
  },
  warningPercent: 75,
  olaMinutes: {},
};

const header = (m: SinkMessage, name: string) => {
  const value = m.parsed.headers.get(name);
  return typeof value === 'string' ? value : value === undefined ? undefined : String(value);
};
const referencesOf = (p: ParsedMail) =>
  Array.isArray(p.references) ? p.references : p.references ? [p.references] : [];

for (const dialect of DIALECTS) {
  describe(`outbound ticket mail over SMTP (${dialect})`, () => {
    let h: Harness;
    let sink: SmtpSink;
    let lea: ApiClient;
    let claire: ApiClient;
    let clientId: string;
    let claireContactId: string;
    let johnContactId: string;
    let leaId: string;
    let managerEmail: string;
    const support = 'support@helpdesk.test';

    beforeAll(async () => {
      h = await startHarness(dialect);
      h.clock.set(new Date('2026-03-02T09:00:00Z'));
      sink = await startSmtpSink();
      Object.assign(h.services.outboundMail.settings, {
        relayUrl: sink.url,
        publicUrl: 'https://vigie.example.test',
        supportAddress: support,
      });
      const f = factories(h.services);
      const client = await f.client({ name: 'ACME Logistique' });
      clientId = client.id;
      await f.contract(clientId, { calendar: alwaysOpen, slaPolicy: policy } as never);
      const leaUser = await f.user('technician', null, { name: 'Léa Bernard', locale: 'en' });
      leaId = leaUser.id;
      const manager = await f.user('manager', null, { name: 'Paul Martin', locale: 'fr' });
      managerEmail = manager.email;
      await h.services.teams.create(systemCtx, {
        name: 'N1',
        description: null,
        memberIds: [leaId],
        clientIds: [clientId],
      });
      const claireContact = await f.contact(clientId, { firstName: 'Claire', lastName: 'Dubois', locale: 'fr' });
      claireContactId = claireContact.id;
      const johnContact = await f.contact(clientId, { firstName: 'John', lastName: 'Smith', locale: 'en' });
      johnContactId = johnContact.id;
      await f.user('requester', clientId, {
        email: claireContact.email as string,
        name: 'Claire Dubois',
        locale: 'fr',
      });
      lea = new ApiClient(h.baseUrl);
      claire = new ApiClient(h.baseUrl);
      await lea.login(leaUser.email, PASSWORD);
      await claire.login(claireContact.email as string, PASSWORD);
    });
    afterAll(async () => {
      await h?.services.outboundMail.stop();
      await h?.close();
      await sink?.stop();
    });

    /** Composes and sends what the last changes call for; returns the messages the sink got meanwhile. */
    async function deliver(expected: number): Promise<SinkMessage[]> {
      const before = sink.messages.length;
      await h.services.outboundMail.pass();
      await sink.waitFor(before + expected);
      // Nothing more than expected arrives.
      await h.services.outboundMail.pass();
      expect(sink.messages.length).toBe(before + expected);
      return sink.messages.slice(before);
    }

    it('threads a French requester’s ticket from acknowledgement to closure, each mail answering the one before', async () => {
      const ticket = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Imprimante bloquée',
        description: 'L’imprimante du 2e étage affiche <erreur 50>.',
        requesterContactId: claireContactId,
        impact: 3,
        urgency: 3,
      });
      const tag = `[${ticket.reference}]`;

      const [ack] = await deliver(1);
      if (!ack) throw new Error('no acknowledgement');
      expect(ack.envelope.to).toEqual([expect.stringMatching(/^contact\d+@example\.test$/)]);
      expect(ack.parsed.subject).toBe(`${tag} Imprimante bloquée`);
      expect(ack.parsed.messageId).toMatch(/^<vigie\.[0-9a-f-]+@helpdesk\.test>$/);
      expect(header(ack, 'auto-submitted')).toBe('auto-replied');
      expect(header(ack, 'x-vigie-ticket')).toBe(ticket.reference);
      expect(ack.parsed.replyTo?.text).toBe(support);
      expect(ack.parsed.from?.text).toBe(support);
      expect(ack.parsed.text).toContain('Nous avons bien reçu votre demande');
      expect(ack.parsed.text).toContain(ticket.reference);
      // What the requester wrote is escaped in the HTML, never taken as markup.
      expect(ack.parsed.html).toContain('&lt;erreur 50&gt;');
      expect(ack.parsed.html).not.toContain('<erreur 50>');

      await lea.json('POST', `/api/v1/tickets/${ticket.id}/take`, undefined, 200);
      await lea.json('POST', `/api/v1/tickets/${ticket.id}/comments`, {
        body: 'Pouvez-vous l’éteindre puis la rallumer ?',
      });
      await lea.json('POST', `/api/v1/tickets/${ticket.id}/comments`, { body: 'Note interne', visibility: 'internal' });
      const [reply] = await deliver(1);
      if (!reply) throw new Error('no reply');
      expect(reply.parsed.subject).toBe(`Re: ${tag} Imprimante bloquée`);
      expect(reply.parsed.inReplyTo).toBe(ack.parsed.messageId);
      expect(referencesOf(reply.parsed)).toEqual([ack.parsed.messageId]);
      expect(header(reply, 'auto-submitted')).toBeUndefined();
      expect(reply.parsed.text).toContain('Léa Bernard a répondu');
      expect(reply.parsed.text).toContain('> Pouvez-vous l’éteindre puis la rallumer ?');
      expect(reply.parsed.text).not.toContain('Note interne');

      await lea.json(
        'POST',
        `/api/v1/tickets/${ticket.id}/resolve`,
        { kind: 'solution', text: 'Bourrage retiré.' },
        200,
      );
      const [resolution] = await deliver(1);
      if (!resolution) throw new Error('no resolution');
      expect(resolution.parsed.subject).toBe(`Re: ${tag} Imprimante bloquée`);
      expect(resolution.parsed.inReplyTo).toBe(reply.parsed.messageId);
      expect(referencesOf(resolution.parsed)).toEqual([ack.parsed.messageId, reply.parsed.messageId]);
      expect(header(resolution, 'auto-submitted')).toBe('auto-generated');
      expect(resolution.parsed.text).toContain('Bourrage retiré.');
      const portal = `https://vigie.example.test/portal/tickets/${ticket.id}`;
      expect(resolution.parsed.text).toContain(`${portal}?answer=confirm`);
      expect(resolution.parsed.text).toContain(`${portal}?answer=reject`);
      expect(resolution.parsed.html).toContain(`href="${portal}?answer=confirm"`);

      // Claire answers on the resolved ticket: she is asked, explicitly, whether she refuses the solution.
      await claire.json('POST', `/api/v1/tickets/${ticket.id}/comments`, { body: 'Elle rebloque de temps en temps.' });
      const [question] = await deliver(1);
      if (!question) throw new Error('no question');
      expect(question.parsed.subject).toBe(`Re: ${tag} Imprimante bloquée`);
      expect(question.parsed.text).toContain('Refusez-vous la solution apportée ?');
      expect(question.parsed.text).toContain('> Elle rebloque de temps en temps.');
      expect(question.parsed.text).toContain(`${portal}?answer=reject`);
      expect(question.parsed.text).toContain(`${portal}?answer=confirm`);
      expect((await lea.json<Ticket>('GET', `/api/v1/tickets/${ticket.id}`)).status).toBe('resolved');

      // Léa confirms on Claire's behalf (by phone): the closure mail invites a rating.
      await lea.json('POST', `/api/v1/tickets/${ticket.id}/confirm`, undefined, 200);
      const [closure] = await deliver(1);
      if (!closure) throw new Error('no closure');
      expect(closure.parsed.text).toContain(`${ticket.reference} est close`);
      expect(closure.parsed.text).toContain(`${portal}?answer=rate`);
      expect(closure.parsed.inReplyTo).toBe(question.parsed.messageId);
      expect(referencesOf(closure.parsed)[0]).toBe(ack.parsed.messageId);

      // The ticket's Mails tab lists the five, in order, as sent.
      const mails = await lea.json<{ items: { kind: string; status: string; messageId: string }[] }>(
        'GET',
        `/api/v1/tickets/${ticket.id}/mails`,
      );
      expect(mails.items.map((m) => m.kind)).toEqual([
        'acknowledgement',
        'reply',
        'resolution',
        'refusal_question',
        'closure',
      ]);
      expect(mails.items.every((m) => m.status === 'sent')).toBe(true);
      expect(`<${mails.items[0]?.messageId}>`).toBe(ack.parsed.messageId);
    });

    it('writes to an English contact in English, and asks for information when the ticket waits on them', async () => {
      const ticket = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'VPN drops',
        description: 'The VPN drops every hour.',
        requesterContactId: johnContactId,
        impact: 3,
        urgency: 3,
      });
      const [ack] = await deliver(1);
      expect(ack?.parsed.text).toContain('Hello John Smith,');
      expect(ack?.parsed.text).toContain(`We have received your request, recorded as ${ticket.reference}`);
      await lea.json('POST', `/api/v1/tickets/${ticket.id}/take`, undefined, 200);
      await lea.json(
        'POST',
        `/api/v1/tickets/${ticket.id}/status`,
        { status: 'pending', pendingReason: 'requester', note: 'waiting for logs' },
        200,
      );
      const [info] = await deliver(1);
      expect(info?.parsed.subject).toBe(`Re: [${ticket.reference}] VPN drops`);
      expect(info?.parsed.text).toContain('we need some information from you');
      expect(info?.parsed.text).not.toContain('waiting for logs');
    });

    it('mails the requester a reply from the client’s own manager, but never their own portal reply', async () => {
      const boss = await factories(h.services).user('client_manager', clientId, { name: 'Nadia Benali' });
      const nadia = new ApiClient(h.baseUrl);
      await nadia.login(boss.email, PASSWORD);
      const ticket = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Badge refusé',
        requesterContactId: claireContactId,
        impact: 4,
        urgency: 4,
      });
      await deliver(1);
      await claire.json('POST', `/api/v1/tickets/${ticket.id}/comments`, { body: 'Toujours refusé ce matin.' });
      await deliver(0);
      await nadia.json('POST', `/api/v1/tickets/${ticket.id}/comments`, { body: 'Je passe voir l’accueil.' });
      const [reply] = await deliver(1);
      expect(reply?.parsed.text).toContain('Nadia Benali a répondu');
      expect(reply?.parsed.text).toContain('> Je passe voir l’accueil.');
    });

    it('acknowledges at most five tickets an hour to one address (loop guard), and never a monitoring alert', async () => {
      const guarded = await factories(h.services).contact(clientId, {
        firstName: 'Auto',
        lastName: 'Loop',
        locale: 'en',
      });
      for (let i = 0; i < 7; i += 1) {
        await lea.json('POST', '/api/v1/tickets', {
          clientId,
          title: `Out of office ${i}`,
          requesterContactId: guarded.id,
          impact: 4,
          urgency: 4,
        });
      }
      const sent = await deliver(5);
      expect(sent.every((m) => m.envelope.to[0] === guarded.email)).toBe(true);
      // A requester recorded with the helpdesk's own address is never written to (Vigie would answer itself).
      const itself = await factories(h.services).contact(clientId, { email: support.toUpperCase(), locale: 'en' });
      await lea.json('POST', '/api/v1/tickets', {
        clientId,
        title: 'Loop',
        requesterContactId: itself.id,
        impact: 4,
        urgency: 4,
      });
      await deliver(0);
      // An hour later the address gets acknowledgements again.
      h.clock.advance(61 * 60_000);
      await lea.login((await h.services.users.get(systemCtx, leaId)).email, PASSWORD);
      await lea.json('POST', '/api/v1/tickets', {
        clientId,
        title: 'Out of office 8',
        requesterContactId: guarded.id,
        impact: 4,
        urgency: 4,
      });
      await deliver(1);
    });

    it('warns the team of a coming deadline and tells the assignee and managers of a breach, each in their language', async () => {
      const ticket = await lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Serveur ERP arrêté',
        requesterContactId: johnContactId,
        impact: 1,
        urgency: 1,
      });
      // As a monitoring alert opens it (that intake comes later): such a ticket is not acknowledged to anyone.
      await h.db.updateTable('tickets').set({ source: 'monitoring' }).where('id', '=', ticket.id).execute();
      await deliver(0);
      const scheduler = new SlaScheduler(h.db, h.clock);
      h.clock.advance(12 * 60_000);
      await scheduler.tick();
      const warnings = await deliver(1);
      expect(warnings[0]?.envelope.to).toEqual([(await h.services.users.get(systemCtx, leaId)).email]);
      expect(warnings[0]?.parsed.subject).toBe(`[${ticket.reference}] SLA deadline approaching — Serveur ERP arrêté`);
      expect(warnings[0]?.parsed.text).toContain('time-to-own deadline');
      h.clock.advance(4 * 60_000);
      await scheduler.tick();
      const breaches = await deliver(2);
      const byAddress = new Map(breaches.map((m) => [m.envelope.to[0], m]));
      const toManager = byAddress.get(managerEmail);
      expect(toManager?.parsed.subject).toBe(`[${ticket.reference}] SLA dépassé — Serveur ERP arrêté`);
      expect(toManager?.parsed.text).toContain('https://vigie.example.test/tickets/');
      expect(header(toManager as SinkMessage, 'auto-submitted')).toBe('auto-generated');
      const toLea = [...byAddress.entries()].find(([address]) => address !== managerEmail)?.[1];
      expect(toLea?.parsed.subject).toContain('SLA breached');
    });
  });
}
