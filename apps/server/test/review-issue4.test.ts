/**
 * Review of issue 4 (mail intake, attachments, outbound mail, password links, portal): each test proves a defect that
 * was found and fixed, on every database.
 */
import type { InboundMail, OutboundMail, OutboundMailSummary } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpListener, startSmtpListener } from '../src/modules/mail/intake/smtp-listener.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { message, sendRaw } from './smtp-client.js';

type Page<T> = { items: T[]; nextCursor: string | null };

for (const dialect of DIALECTS) {
  describe(`review of issue 4 (${dialect})`, () => {
    let h: Harness;
    let smtp: SmtpListener;
    let clientId: string;
    let adminEmail: string;
    let manager: ApiClient;
    let anonymous: ApiClient;

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      clientId = (await f.client({ mailDomains: ['acme.test'] })).id;
      await f.contract(clientId);
      await f.contact(clientId, { email: 'claire@acme.test', firstName: 'Claire', lastName: 'Dubois' });
      adminEmail = (await f.user('admin')).email;
      const boss = await f.user('manager');
      manager = new ApiClient(h.baseUrl);
      await manager.login(boss.email, PASSWORD);
      anonymous = new ApiClient(h.baseUrl);
      smtp = await startSmtpListener(h.services.mailIntake, { host: '127.0.0.1', port: 0, maxMessageBytes: 200_000 });
    });

    /** Sends and waits until the message is processed; returns the inbound mail row as staff see it. */
    async function deliver(raw: string): Promise<InboundMail> {
      const answer = await sendRaw(smtp.port, raw, { from: 'sender@example.test', to: ['support@vigie.local'] });
      await h.services.mailIntake.drain();
      const id = /Queued as (\S+)/.exec(answer.response)?.[1];
      return manager.json<InboundMail>('GET', `/api/v1/mail/inbound/${id}`);
    }

    const ticketCount = async () =>
      Number(
        (
          await h.db
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    afterAll(async () => {
      await smtp?.stop();
      await h?.close();
    });

    it('does not show the token of a password link in the mail log (a manager cannot take over an administrator)', async () => {
      const asked = await anonymous.request('POST', '/api/v1/auth/password-reset', { email: adminEmail });
      expect(asked.status).toBe(202);
      const list = await manager.json<Page<OutboundMailSummary>>('GET', '/api/v1/mail/outbound?limit=50');
      const summary = list.items.find((m) => m.kind === 'reset');
      expect(summary).toBeDefined();
      const mail = await manager.json<OutboundMail>('GET', `/api/v1/mail/outbound/${summary?.id}`);
      const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(`${mail.text}\n${mail.html}`)?.[1];
      if (token) {
        const takeover = await anonymous.request('POST', '/api/v1/auth/password-reset/complete', {
          token,
          password: 'the manager now owns this',
        });
        expect(takeover.status).not.toBe(204);
      }
      expect(mail.text).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
      expect(mail.html ?? '').not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
    });

    it('stores and processes a mail whose headers and text hold NUL bytes', async () => {
      const raw = message({
        from: 'Claire Dubois <claire@acme.test>',
        subject: 'Imprimante\u0000 en panne',
        messageId: '<nul.1@acme.test>',
        body: 'Plus rien\u0000 ne sort.',
      });
      const answer = await sendRaw(smtp.port, Buffer.from(raw, 'latin1'), {
        from: 'claire@acme.test',
        to: ['support@vigie.local'],
      });
      expect(answer.response).toMatch(/^250/);
      await h.services.mailIntake.drain();
      const id = /Queued as (\S+)/.exec(answer.response)?.[1];
      const mail = await manager.json<InboundMail>('GET', `/api/v1/mail/inbound/${id}`);
      expect(mail).toMatchObject({ status: 'processed', kind: 'new_ticket', clientId });
    });

    it('never finds a ticket for a client person by the words of its internal notes (regression guard)', async () => {
      const f = factories(h.services);
      const person = await f.user('client_manager', clientId);
      const client = new ApiClient(h.baseUrl);
      await client.login(person.email, PASSWORD);
      const tech = await f.user('admin');
      const staff = new ApiClient(h.baseUrl);
      await staff.login(tech.email, PASSWORD);
      const ticket = await staff.json<{ id: string }>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Imprimante du deuxième',
        description: 'Elle ne sort plus rien.',
        impact: 3,
        urgency: 3,
      });
      await staff.json('POST', `/api/v1/tickets/${ticket.id}/comments`, {
        body: 'Le client doit zanzibarpassword changer, ne pas lui dire',
        visibility: 'internal',
      });
      const byInternal = await client.json<Page<{ id: string }>>('GET', '/api/v1/tickets?queue=all&q=zanzibarpassword');
      expect(byInternal.items).toEqual([]);
      const byPublic = await client.json<Page<{ id: string }>>('GET', '/api/v1/tickets?queue=all&q=deuxi%C3%A8me');
      expect(byPublic.items.map((t) => t.id)).toEqual([ticket.id]);
      // staff still find it by its internal note
      const byStaff = await staff.json<Page<{ id: string }>>('GET', '/api/v1/tickets?queue=all&q=zanzibarpassword');
      expect(byStaff.items.map((t) => t.id)).toEqual([ticket.id]);
    });

    it('refuses a forged cursor with a NUL or a bad instant as 400, never 500', async () => {
      const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const cursor of [
        forged(['2026-03-02T09:00:00.000Z', 'a\u0000b']),
        forged(['not a date', 'x']),
        forged([12, 'x']),
      ]) {
        for (const path of ['/api/v1/mail/outbound', '/api/v1/mail/inbound', '/api/v1/tickets']) {
          const response = await manager.request('GET', `${path}?cursor=${cursor}`);
          expect([path, response.status]).toEqual([path, 400]);
        }
      }
    });

    it('opens no ticket for a reply with the helpdesk only in Cc, even when the ticket it answers is closed', async () => {
      const first = await deliver(
        message({ from: 'Claire Dubois <claire@acme.test>', subject: 'Écran noir', messageId: '<closed.1@acme.test>' }),
      );
      expect(first.kind).toBe('new_ticket');
      await h.db
        .updateTable('tickets')
        .set({ status: 'closed' })
        .where('id', '=', first.ticketId as string)
        .execute();
      const before = await ticketCount();
      const thanks = await deliver(
        message({
          from: 'Claire Dubois <claire@acme.test>',
          to: 'Paul <paul@acme.test>',
          cc: 'Support <support@vigie.local>',
          subject: 'Re: Écran noir',
          headers: { 'In-Reply-To': '<closed.1@acme.test>', References: '<closed.1@acme.test>' },
          body: 'Paul, le support a réglé ça, merci à eux.',
        }),
      );
      expect(thanks).toMatchObject({ status: 'ignored', kind: 'cc_only' });
      expect(await ticketCount()).toBe(before);
    });
  });
}
