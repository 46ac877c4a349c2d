import type { OutboundMail, OutboundMailSummary, Ticket } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { TicketMailComposer } from '../src/modules/mail/outbound/ticket-mail-composer.js';
import { enqueueMail } from '../src/modules/mail/outbox.repository.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

type Page<T> = { items: T[]; nextCursor: string | null };
const MINUTE = 60_000;

for (const dialect of DIALECTS) {
  describe(`outbox delivery, retries and the mail log (${dialect})`, () => {
    let h: Harness;
    let lea: ApiClient;
    let manager: ApiClient;
    let outsider: ApiClient;
    let requester: ApiClient;
    let clientId: string;
    let contactId: string;
    const people: Record<string, ApiClient> = {};
    const sinks: SmtpSink[] = [];

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      clientId = (await f.client()).id;
      const otherClientId = (await f.client()).id;
      const leaUser = await f.user('technician');
      const outsiderUser = await f.user('technician');
      const managerUser = await f.user('manager');
      await h.services.teams.create(systemCtx, {
        name: 'Desk',
        description: null,
        memberIds: [leaUser.id],
        clientIds: [clientId],
      });
      await h.services.teams.create(systemCtx, {
        name: 'Other desk',
        description: null,
        memberIds: [outsiderUser.id],
        clientIds: [otherClientId],
      });
      const contact = await f.contact(clientId, { locale: 'en' });
      contactId = contact.id;
      const requesterUser = await f.user('requester', clientId);
      lea = new ApiClient(h.baseUrl);
      manager = new ApiClient(h.baseUrl);
      outsider = new ApiClient(h.baseUrl);
      requester = new ApiClient(h.baseUrl);
      people[leaUser.email] = lea;
      people[managerUser.email] = manager;
      people[outsiderUser.email] = outsider;
      people[requesterUser.email] = requester;
      await signIn();
    });
    afterAll(async () => {
      await h?.services.outboundMail.stop();
      await h?.close();
      for (const sink of sinks) await sink.stop();
    });

    async function signIn() {
      await Promise.all(Object.entries(people).map(([email, client]) => client.login(email, PASSWORD)));
    }
    async function useSink(options: Parameters<typeof startSmtpSink>[0] = {}) {
      const sink = await startSmtpSink(options);
      sinks.push(sink);
      h.services.outboundMail.settings.relayUrl = sink.url;
      h.services.outboundMail.sender.close();
      return sink;
    }
    async function newTicket(title: string) {
      return lea.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title,
        requesterContactId: contactId,
        impact: 4,
        urgency: 4,
      });
    }
    async function onlyMailOf(ticketId: string): Promise<OutboundMail> {
      const page = await lea.json<Page<OutboundMailSummary>>('GET', `/api/v1/mail/outbound?ticketId=${ticketId}`);
      expect(page.items).toHaveLength(1);
      return lea.json<OutboundMail>('GET', `/api/v1/mail/outbound/${page.items[0]?.id}`);
    }

    it('retries a mail the relay refuses for now, later and later, and logs every try', async () => {
      const sink = await useSink({ refuseFirst: 2 });
      const ticket = await newTicket('Busy relay');
      await h.services.outboundMail.pass();
      let mail = await onlyMailOf(ticket.id);
      expect(mail).toMatchObject({ status: 'queued', attempts: 1 });
      expect(mail.attemptLog).toEqual([
        expect.objectContaining({ outcome: 'deferred', detail: expect.stringMatching(/^451/) }),
      ]);
      expect(mail.nextAttemptAt).toBe(new Date(h.clock.now().getTime() + MINUTE).toISOString());

      // Not due yet: nothing is tried.
      h.clock.advance(30_000);
      await h.services.outboundMail.pass();
      expect((await onlyMailOf(ticket.id)).attempts).toBe(1);
      h.clock.advance(30_000);
      await h.services.outboundMail.pass();
      mail = await onlyMailOf(ticket.id);
      expect(mail).toMatchObject({ status: 'queued', attempts: 2 });
      expect(mail.nextAttemptAt).toBe(new Date(h.clock.now().getTime() + 5 * MINUTE).toISOString());

      h.clock.advance(5 * MINUTE);
      await signIn();
      await h.services.outboundMail.pass();
      await sink.waitFor(1);
      mail = await onlyMailOf(ticket.id);
      expect(mail).toMatchObject({ status: 'sent', attempts: 3, error: null, nextAttemptAt: null });
      expect(mail.attemptLog.map((a) => a.outcome)).toEqual(['deferred', 'deferred', 'sent']);
      expect(sink.refused()).toBe(2);
      expect(sink.messages).toHaveLength(1);
    });

    it('gives up at once on a permanent refusal (5xx), and a retry from the log sends it', async () => {
      const sink = await useSink({ refuseFirst: 1, refuseCode: 550 });
      const ticket = await newTicket('Unknown mailbox');
      await h.services.outboundMail.pass();
      const failed = await onlyMailOf(ticket.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
      expect(failed.error).toMatch(/^550/);
      const listed = await manager.json<Page<OutboundMailSummary>>('GET', '/api/v1/mail/outbound?status=failed');
      expect(listed.items.map((m) => m.id)).toContain(failed.id);

      const retried = await lea.json<OutboundMail>('POST', `/api/v1/mail/outbound/${failed.id}/retry`, undefined, 200);
      expect(retried).toMatchObject({ status: 'queued', attempts: 0, error: null });
      await h.services.outboundMail.pass();
      await sink.waitFor(1);
      const sent = await onlyMailOf(ticket.id);
      expect(sent.status).toBe('sent');
      expect(sent.attemptLog.map((a) => a.outcome)).toEqual(['failed', 'sent']);
      // A sent mail is not sent twice.
      const again = await lea.request('POST', `/api/v1/mail/outbound/${failed.id}/retry`);
      expect(again.status).toBe(409);
    });

    it('holds mail while no relay is configured, and sends it once one is and it is retried', async () => {
      h.services.outboundMail.settings.relayUrl = null;
      const ticket = await newTicket('No relay yet');
      await h.services.outboundMail.pass();
      const held = await onlyMailOf(ticket.id);
      expect(held).toMatchObject({ status: 'held', attempts: 0, nextAttemptAt: null });
      expect(held.text).toContain('We have received your request');
      expect(held.html).toContain('<!DOCTYPE html>');
      // Retried without a relay: still held.
      expect(
        (await lea.json<OutboundMail>('POST', `/api/v1/mail/outbound/${held.id}/retry`, undefined, 200)).status,
      ).toBe('held');
      const sink = await useSink();
      await lea.json('POST', `/api/v1/mail/outbound/${held.id}/retry`, undefined, 200);
      await h.services.outboundMail.pass();
      const [message] = await sink.waitFor(1);
      expect(message?.parsed.subject).toBe(`[${ticket.reference}] No relay yet`);
      expect((await onlyMailOf(ticket.id)).status).toBe('sent');
    });

    it('sends a notice of non-delivery with an empty return path, and the rest from the support address', async () => {
      const sink = await useSink();
      await enqueueMail(
        h.db,
        {
          kind: 'bounce',
          to: [{ address: 'sender@example.test' }],
          locale: 'en',
          subject: 'Undelivered',
          text: 'x',
          html: '',
        },
        { supportAddress: 'support@vigie.local', now: h.clock.now(), held: false },
      );
      const ticket = await newTicket('Return path');
      await h.services.outboundMail.pass();
      const messages = await sink.waitFor(2);
      const bounce = messages.find((m) => m.parsed.subject === 'Undelivered');
      const ack = messages.find((m) => m.parsed.subject === `[${ticket.reference}] Return path`);
      expect(bounce?.envelope.from).toBe('');
      expect(ack?.envelope.from).toBe('support@vigie.local');
    });

    it('composes each event’s mail exactly once, even with two composers at work together', async () => {
      h.services.outboundMail.settings.relayUrl = null;
      const ticket = await newTicket('Many replies');
      await lea.json('POST', `/api/v1/tickets/${ticket.id}/take`, undefined, 200);
      for (let i = 0; i < 24; i += 1) {
        await lea.json('POST', `/api/v1/tickets/${ticket.id}/comments`, { body: `Reply ${i}` });
      }
      const settings = h.services.outboundMail.settings;
      const first = new TicketMailComposer(h.db, h.clock, settings);
      const second = new TicketMailComposer(h.db, h.clock, settings);
      const drain = async (composer: TicketMailComposer) => {
        let mails = 0;
        for (;;) {
          const batch = await composer.composeBatch(3);
          mails += batch.mails;
          if (batch.events === 0) return mails;
        }
      };
      const [a, b] = await Promise.all([drain(first), drain(second)]);
      expect(a + b).toBe(25);
      const page = await lea.json<Page<OutboundMailSummary>>(
        'GET',
        `/api/v1/mail/outbound?ticketId=${ticket.id}&limit=200`,
      );
      expect(page.items).toHaveLength(25);
      expect(page.items.filter((m) => m.kind === 'reply')).toHaveLength(24);
      const pending = await h.db
        .selectFrom('ticket_events')
        .select('id')
        .where('ticket_id', '=', ticket.id)
        .where('mail_pending', '=', 1)
        .execute();
      expect(pending).toHaveLength(0);
      // A further pass finds nothing left to compose.
      expect((await h.services.outboundMail.pass()).composed.mails).toBe(0);
    });

    it('pages the log with a cursor, and shows a mail only to staff who reach its client', async () => {
      const firstPage = await manager.json<Page<OutboundMailSummary>>('GET', '/api/v1/mail/outbound?limit=2');
      expect(firstPage.items).toHaveLength(2);
      expect(firstPage.nextCursor).not.toBeNull();
      const secondPage = await manager.json<Page<OutboundMailSummary>>(
        'GET',
        `/api/v1/mail/outbound?limit=2&cursor=${firstPage.nextCursor}`,
      );
      expect(secondPage.items).toHaveLength(2);
      const ids = new Set([...firstPage.items, ...secondPage.items].map((m) => m.id));
      expect(ids.size).toBe(4);
      const newest = firstPage.items[0];
      if (!newest) throw new Error('no mail');

      expect((await outsider.request('GET', `/api/v1/mail/outbound/${newest.id}`)).status).toBe(404);
      expect((await outsider.request('POST', `/api/v1/mail/outbound/${newest.id}/retry`)).status).toBe(404);
      expect(
        (await outsider.json<Page<OutboundMailSummary>>('GET', '/api/v1/mail/outbound')).items.map((m) => m.id),
      ).not.toContain(newest.id);
      expect((await outsider.request('GET', `/api/v1/tickets/${newest.ticketId}/mails`)).status).toBe(404);
      expect((await requester.request('GET', '/api/v1/mail/outbound')).status).toBe(403);
      expect((await requester.request('GET', `/api/v1/tickets/${newest.ticketId}/mails`)).status).toBe(403);
      expect((await lea.request('GET', '/api/v1/mail/outbound?status=lost')).status).toBe(400);
      expect((await lea.request('GET', '/api/v1/mail/outbound?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    });
  });
}
