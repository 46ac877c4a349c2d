/**
 * Review of issue 4 (mail intake, attachments, outbound mail, password links, portal): each test proves a defect that
 * was found and fixed, on every database.
 */
import type { InboundMail, OutboundMail, OutboundMailSummary } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpListener, startSmtpListener } from '../src/modules/mail/intake/smtp-listener.js';
import { claimDueMails } from '../src/modules/mail/outbound/sender.repository.js';
import { enqueueMail } from '../src/modules/mail/outbox.repository.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { message, sendRaw } from './smtp-client.js';
import { startSmtpSink } from './smtp-sink.js';

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
      await h.services.passwordLinks.settled();
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

    it('answers malformed multipart uploads and odd file names with a 4xx or a safe download, never a 500', async () => {
      const f = factories(h.services);
      const tech = await f.user('admin');
      const staff = new ApiClient(h.baseUrl);
      await staff.login(tech.email, PASSWORD);
      const ticket = await staff.json<{ id: string }>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Fichiers',
        description: 'Des fichiers.',
        impact: 3,
        urgency: 3,
      });
      const url = `/api/v1/tickets/${ticket.id}/attachments`;
      const send = (body: string | Buffer, contentType: string) =>
        staff.request('POST', url, body, { 'content-type': contentType });
      const statuses = [
        (
          await send(
            '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
            'multipart/form-data; boundary=x',
          )
        ).status,
        (await send('abc', 'multipart/form-data')).status,
        (await send('abc', 'multipart/form-data; boundary=')).status,
        (await send('{"a":1', 'application/json')).status,
      ];
      for (const status of statuses) expect(status).toBeGreaterThanOrEqual(400);
      for (const status of statuses) expect(status).toBeLessThan(500);

      const names = ['a"b\\c.txt', 'é\u2028\u0085x.txt', '\u202ereversed.txt', 'CON', `${'x'.repeat(300)}.txt`];
      for (const name of names) {
        const boundary = 'vigieboundary';
        const body = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name.replace(/"/g, '%22')}"\r\nContent-Type: text/html\r\n\r\n`,
          ),
          Buffer.from('<script>alert(1)</script>'),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        const response = await send(body, `multipart/form-data; boundary=${boundary}`);
        expect([name, response.status]).toEqual([name, 201]);
        const [item] = ((await response.json()) as { items: { url: string; fileName: string }[] }).items;
        const download = await staff.request('GET', item?.url as string);
        expect([name, download.status]).toEqual([name, 200]);
        expect(download.headers.get('content-type')).toBe('application/octet-stream');
        expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
      }
    });

    it('keeps CR/LF in a title or a name out of the headers of the mail it sends', async () => {
      const sink = await startSmtpSink();
      try {
        Object.assign(h.services.outboundMail.settings, {
          relayUrl: sink.url,
          publicUrl: 'https://vigie.example.test',
        });
        const f = factories(h.services);
        const contact = await f.contact(clientId, {
          email: 'crlf@acme.test',
          firstName: 'Eve\r\nBcc: spy@evil.test',
          lastName: 'X',
        });
        const staffUser = await f.user('admin');
        const staff = new ApiClient(h.baseUrl);
        await staff.login(staffUser.email, PASSWORD);
        await staff.json('POST', '/api/v1/tickets', {
          clientId,
          title: 'Panne\r\nBcc: spy@evil.test',
          description: 'x',
          impact: 3,
          urgency: 3,
          requesterContactId: contact.id,
        });
        await h.services.outboundMail.pass();
        const mail = sink.messages.find((m) => m.envelope.to.includes('crlf@acme.test'));
        expect(mail?.envelope.to).toEqual(['crlf@acme.test']);
        const head = mail?.raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
        expect(head).not.toMatch(/^bcc:/im);
      } finally {
        Object.assign(h.services.outboundMail.settings, { relayUrl: null });
        h.services.outboundMail.sender.close();
        await sink.stop();
      }
    });

    it('does not queue again a mail the sender may be sending (it would leave twice)', async () => {
      const { id } = await h.db.transaction().execute((trx) =>
        enqueueMail(
          trx,
          {
            kind: 'reply',
            to: [{ address: 'claire@acme.test' }],
            locale: 'fr',
            subject: 'En cours',
            text: 'x',
            html: '<p>x</p>',
            clientId,
          },
          { supportAddress: 'support@vigie.local', now: h.clock.now(), held: false },
        ),
      );
      const now = h.clock.now();
      const lease = new Date(now.getTime() + 600_000).toISOString();
      const claimed = await claimDueMails(h.db, now.toISOString(), lease, 100);
      expect(claimed.map((m) => m.id)).toContain(id);
      const retry = await manager.request('POST', `/api/v1/mail/outbound/${id}/retry`);
      expect(retry.status).toBe(409);
      // still leased: no other pass takes it while the first one sends
      expect(await claimDueMails(h.db, now.toISOString(), lease, 100)).toEqual([]);
    });

    it('does not put a mail claiming to come from staff on the timeline as written by that person', async () => {
      const tech = await factories(h.services).user('technician', null, { email: 'tech.spoofed@vigie.test' });
      const first = await deliver(
        message({ from: 'Claire Dubois <claire@acme.test>', subject: 'Wifi', messageId: '<spoof.1@acme.test>' }),
      );
      // Claire knows the Message-IDs of her own thread: she writes "as" the technician.
      const forged = await deliver(
        message({
          from: 'Technicien <tech.spoofed@vigie.test>',
          subject: 'Re: Wifi',
          headers: { 'In-Reply-To': '<spoof.1@acme.test>' },
          body: 'Validé par le responsable : clôturer sans facturer.',
        }),
      );
      expect(forged).toMatchObject({ status: 'processed', kind: 'note', ticketId: first.ticketId });
      const note = await h.db
        .selectFrom('ticket_events')
        .selectAll()
        .where('ticket_id', '=', first.ticketId as string)
        .where('kind', '=', 'note')
        .executeTakeFirstOrThrow();
      expect(note.visibility).toBe('internal');
      expect(note.actor_id).not.toBe(tech.id);
      const data = typeof note.data === 'string' ? JSON.parse(note.data) : note.data;
      expect(data).toMatchObject({ unverifiedSender: true, from: 'tech.spoofed@vigie.test' });
    });

    it('asks "do you refuse the solution?" at most five times an hour to one address (a robot answering each one loops)', async () => {
      const f = factories(h.services);
      const adminUser = await f.user('admin');
      const staff = new ApiClient(h.baseUrl);
      await staff.login(adminUser.email, PASSWORD);
      const first = await deliver(
        message({ from: 'Robot <robot@acme.test>', subject: 'Sauvegarde', messageId: '<robot.0@acme.test>' }),
      );
      const ticketId = first.ticketId as string;
      await staff.json('POST', `/api/v1/tickets/${ticketId}/take`, undefined, 200);
      await staff.json('POST', `/api/v1/tickets/${ticketId}/resolve`, { kind: 'solution', text: 'Relancée.' }, 200);
      for (let i = 1; i <= 8; i++) {
        const answer = await deliver(
          message({
            from: 'Robot <robot@acme.test>',
            subject: 'Re: Sauvegarde',
            headers: { 'In-Reply-To': '<robot.0@acme.test>' },
            body: `Message automatique n° ${i}`,
          }),
        );
        expect(answer.kind).toBe('reply');
        await h.services.outboundMail.composer.composeAll();
      }
      const questions = await h.db
        .selectFrom('mail_messages')
        .select('id')
        .where('ticket_id', '=', ticketId)
        .where('kind', '=', 'refusal_question')
        .execute();
      expect(questions.length).toBeLessThanOrEqual(5);
    });

    it('opens no ticket at an archived client for a person with an account there', async () => {
      const f = factories(h.services);
      const archived = await f.client();
      await f.contract(archived.id);
      await f.user('client_manager', archived.id, { email: 'former@archived.test' });
      await h.db.updateTable('clients').set({ active: 0 }).where('id', '=', archived.id).execute();
      const mail = await deliver(message({ from: 'former@archived.test', subject: 'Encore là ?' }));
      expect(mail).toMatchObject({ status: 'triage', kind: 'unknown_sender', ticketId: null });
    });

    it('answers a reset request for a known address without waiting for its link to be written (no timing oracle)', async () => {
      const service = h.services.passwordLinks as unknown as { sendLink: (...args: unknown[]) => Promise<string> };
      const original = service.sendLink;
      let release: () => void = () => {};
      const blocked = new Promise<void>((resolve) => {
        release = resolve;
      });
      service.sendLink = async (...args: unknown[]) => {
        await blocked;
        return original.apply(service, args);
      };
      try {
        const asked = anonymous.request('POST', '/api/v1/auth/password-reset', { email: adminEmail });
        const answer = await Promise.race([
          asked,
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000)),
        ]);
        expect(answer?.status).toBe(202);
      } finally {
        release();
        service.sendLink = original;
        await h.services.passwordLinks.settled();
      }
    });
  });
}
