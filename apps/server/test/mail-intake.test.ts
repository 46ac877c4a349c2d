/**
 * Mail intake over real SMTP on loopback (DOMAIN §3), on every database: new tickets (contact, domain, unknown →
 * triage), threading by headers and by tag (never onto another client's ticket), Cc, automated mail and bounces,
 * attachments, size refusal, the database failing (451, then a retry that succeeds), duplicates, unreadable mail.
 */
import type { InboundMail, InboundMailSummary, Ticket, TicketEvent } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { openDatabase } from '../src/db/connection.js';
import { buildServices } from '../src/http/services.js';
import { type SmtpListener, startSmtpListener } from '../src/modules/mail/intake/smtp-listener.js';
import { enqueueMail } from '../src/modules/mail/outbox.repository.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness, TEST_AUTH } from './harness.js';
import { ApiClient } from './http-client.js';
import { message, sendRaw } from './smtp-client.js';

type Page<T> = { items: T[]; nextCursor: string | null };

for (const dialect of DIALECTS) {
  describe(`mail intake over SMTP (${dialect})`, () => {
    let h: Harness;
    let smtp: SmtpListener;
    let clientId: string;
    let otherClientId: string;
    let contactEmail: string;
    let otherContactEmail: string;
    let contactId: string;
    let manager: ApiClient;

    const send = (raw: string, from = 'sender@example.test') =>
      sendRaw(smtp.port, raw, { from, to: ['support@vigie.local'] });

    /** Sends and waits until the message is processed; returns the inbound mail row as staff see it. */
    async function deliver(raw: string, envelopeFrom?: string): Promise<InboundMail> {
      const answer = await send(raw, envelopeFrom);
      expect(answer.response).toMatch(/^250/);
      await h.services.mailIntake.drain();
      const id = /Queued as (\S+)/.exec(answer.response)?.[1];
      if (!id) throw new Error(`no id in ${answer.response}`);
      return manager.get(`/api/v1/mail/inbound/${id}`) as Promise<InboundMail>;
    }

    const ticket = (id: string) => h.services.tickets.get(systemCtx, id) as Promise<Ticket>;
    const events = async (id: string) =>
      (await h.services.tickets.events(systemCtx, id, { limit: 100 })).items as unknown as TicketEvent[];
    const ticketCount = async () =>
      Number(
        (
          await h.db
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      const client = await f.client({ mailDomains: ['acme.test'] });
      const other = await f.client({ mailDomains: ['other.test'] });
      clientId = client.id;
      otherClientId = other.id;
      await f.contract(clientId);
      await f.contract(otherClientId);
      const contact = await f.contact(clientId, {
        email: 'claire.dubois@acme.test',
        firstName: 'Claire',
        lastName: 'Dubois',
      });
      contactId = contact.id;
      contactEmail = 'claire.dubois@acme.test';
      await f.contact(otherClientId, { email: 'bob@other.test' });
      otherContactEmail = 'bob@other.test';
      const boss = await f.user('manager');
      manager = new ApiClient(h.baseUrl);
      await manager.login(boss.email, PASSWORD);
      smtp = await startSmtpListener(h.services.mailIntake, { host: '127.0.0.1', port: 0, maxMessageBytes: 200_000 });
    });

    afterAll(async () => {
      await smtp?.stop();
      await h?.close();
    });

    it('opens a ticket for a known contact: source email, requester, title without prefixes', async () => {
      const mail = await deliver(
        message({
          from: `"Claire Dubois" <Claire.Dubois@ACME.test>`,
          subject: 'TR: Imprimante en panne',
          body: 'Plus rien ne sort.',
        }),
      );
      expect(mail).toMatchObject({ status: 'processed', kind: 'new_ticket', clientId, channel: 'smtp' });
      const t = await ticket(mail.ticketId as string);
      expect(t).toMatchObject({ source: 'email', title: 'Imprimante en panne', description: 'Plus rien ne sort.' });
      expect(t.requester.contactId).toBe(contactId);
      expect(mail.ticketNumber).toBe(t.number);
    });

    it('opens a ticket for an unknown sender of a client mail domain, who becomes a contact of that client', async () => {
      const mail = await deliver(message({ from: 'Jean Martin <jean.martin@paris.acme.test>', subject: 'VPN' }));
      expect(mail).toMatchObject({ status: 'processed', kind: 'new_ticket', clientId });
      const t = await ticket(mail.ticketId as string);
      expect(t.requester).toMatchObject({ name: 'Jean Martin' });
      const contact = await h.db
        .selectFrom('contacts')
        .selectAll()
        .where('email', '=', 'jean.martin@paris.acme.test')
        .executeTakeFirstOrThrow();
      expect(contact).toMatchObject({ client_id: clientId, first_name: 'Jean', last_name: 'Martin' });
      expect(t.requester.contactId).toBe(contact.id);
      // his next mail is recognized by his address, and no second contact is made
      const next = await deliver(message({ from: 'jean.martin@paris.acme.test', subject: 'VPN encore' }));
      expect((await ticket(next.ticketId as string)).requester.contactId).toBe(contact.id);
      const contacts = await h.db
        .selectFrom('contacts')
        .select('id')
        .where('email', '=', 'jean.martin@paris.acme.test')
        .execute();
      expect(contacts).toHaveLength(1);
    });

    it('leaves an unknown sender in triage; staff give it to a client (ticket) or discard it', async () => {
      const before = await ticketCount();
      const mail = await deliver(message({ from: 'stranger@nowhere.test', subject: 'Hello' }));
      expect(mail).toMatchObject({ status: 'triage', kind: 'unknown_sender', ticketId: null });
      expect(await ticketCount()).toBe(before);
      const queue = (await manager.get('/api/v1/mail/inbound?status=triage')) as Page<InboundMailSummary>;
      expect(queue.items.map((m) => m.id)).toContain(mail.id);
      const assigned = await manager.json<InboundMail>(
        'POST',
        `/api/v1/mail/inbound/${mail.id}/assign`,
        { clientId, requesterContactId: contactId },
        200,
      );
      expect(assigned).toMatchObject({ status: 'processed', kind: 'new_ticket', clientId });
      expect((await ticket(assigned.ticketId as string)).requester.contactId).toBe(contactId);
      // Given once only.
      const again = await manager.request('POST', `/api/v1/mail/inbound/${mail.id}/assign`, { clientId });
      expect(again.status).toBe(409);

      const other = await deliver(message({ from: 'spam@nowhere.test', subject: 'Offer' }));
      const discarded = await manager.json<InboundMail>(
        'POST',
        `/api/v1/mail/inbound/${other.id}/discard`,
        undefined,
        200,
      );
      expect(discarded).toMatchObject({ status: 'ignored', kind: 'discarded' });
    });

    it('threads a reply by In-Reply-To/References (inbound or our outbound ids), whatever the subject', async () => {
      const first = await deliver(
        message({ from: contactEmail, subject: 'Écran noir', messageId: '<first.1@acme.test>' }),
      );
      const ticketId = first.ticketId as string;
      const byInReplyTo = await deliver(
        message({
          from: contactEmail,
          subject: 'Re: something else',
          headers: { 'In-Reply-To': '<first.1@acme.test>' },
          body: 'Toujours noir.\n\nLe lun. 2 mars, Support a écrit :\n> Bonjour',
        }),
      );
      expect(byInReplyTo).toMatchObject({ status: 'processed', kind: 'reply', ticketId });
      const out = await h.db.transaction().execute((trx) =>
        enqueueMail(
          trx,
          {
            kind: 'reply',
            to: [{ address: contactEmail }],
            locale: 'fr',
            subject: 's',
            text: 't',
            html: 'h',
            ticketId,
            clientId,
          },
          { supportAddress: 'support@vigie.local', now: h.clock.now(), held: true },
        ),
      );
      const byReferences = await deliver(
        message({ from: contactEmail, subject: 'Re:', headers: { References: `<unknown@x.test> <${out.messageId}>` } }),
      );
      expect(byReferences).toMatchObject({ kind: 'reply', ticketId });
      const replies = (await events(ticketId)).filter((e) => e.kind === 'reply');
      expect(replies.map((e) => e.body)).toContain('Toujours noir.');
      expect(replies).toHaveLength(2);
    });

    it('threads by subject tag only for a sender of that ticket’s client', async () => {
      const first = await deliver(message({ from: contactEmail, subject: 'Badge' }));
      const t = await ticket(first.ticketId as string);
      const tag = `[T-${String(t.number).padStart(6, '0')}]`;
      const sameClient = await deliver(message({ from: contactEmail, subject: `Re: ${tag} Badge`, body: 'Merci' }));
      expect(sameClient).toMatchObject({ kind: 'reply', ticketId: t.id });
      const intruder = await deliver(message({ from: otherContactEmail, subject: `Re: ${tag} Badge`, body: 'Coucou' }));
      expect(intruder).toMatchObject({ kind: 'new_ticket', clientId: otherClientId });
      expect(intruder.ticketId).not.toBe(t.id);
      expect((await events(t.id)).map((e) => e.body)).not.toContain('Coucou');
    });

    it('a reply with the helpdesk in Cc threads; an unthreaded one with the helpdesk only in Cc opens nothing', async () => {
      const first = await deliver(message({ from: contactEmail, subject: 'Wifi', messageId: '<wifi.1@acme.test>' }));
      const cc = await deliver(
        message({
          from: contactEmail,
          to: 'colleague@acme.test',
          cc: 'support@vigie.local',
          subject: 'Re: Wifi',
          headers: { 'In-Reply-To': '<wifi.1@acme.test>' },
        }),
      );
      expect(cc).toMatchObject({ kind: 'reply', ticketId: first.ticketId });
      const before = await ticketCount();
      const ccOnly = await deliver(
        message({ from: contactEmail, to: 'colleague@acme.test', cc: 'support@vigie.local', subject: 'Lunch?' }),
      );
      expect(ccOnly).toMatchObject({ status: 'ignored', kind: 'cc_only', ticketId: null });
      expect(await ticketCount()).toBe(before);
    });

    it('a reply to a resolved ticket is recorded as such, without reopening or rejecting it', async () => {
      const first = await deliver(message({ from: contactEmail, subject: 'Souris', messageId: '<mouse.1@acme.test>' }));
      const id = first.ticketId as string;
      const boss = await factories(h.services).user('manager');
      const bossCtx = {
        actor: {
          userId: boss.id,
          name: boss.name,
          role: 'manager' as const,
          clientId: null,
          teamClientIds: [],
          scopes: null,
        },
        requestId: null,
      };
      await h.services.workflow.take(bossCtx, id);
      await h.services.workflow.resolve(bossCtx, id, { kind: 'solution', text: 'Pile changée', publishArticle: 'no' });
      const reply = await deliver(
        message({
          from: contactEmail,
          subject: 'Re: Souris',
          headers: { 'In-Reply-To': '<mouse.1@acme.test>' },
          body: 'Ça ne marche pas',
        }),
      );
      expect(reply.kind).toBe('reply');
      expect((await ticket(id)).status).toBe('resolved');
      const last = (await events(id)).find((e) => e.body === 'Ça ne marche pas');
      expect(last?.data).toMatchObject({ whileResolved: true, source: 'email' });
    });

    it('never opens tickets for auto-replies, list traffic or bounces; a bounce of our mail fails its delivery', async () => {
      const before = await ticketCount();
      const auto = await deliver(
        message({ from: contactEmail, subject: 'Absence', headers: { 'Auto-Submitted': 'auto-replied' } }),
      );
      expect(auto).toMatchObject({ status: 'ignored', kind: 'automated' });
      const list = await deliver(
        message({ from: contactEmail, subject: 'News', headers: { 'List-Id': '<news.acme.test>' } }),
      );
      expect(list).toMatchObject({ status: 'ignored', kind: 'automated' });
      const out = await h.db
        .transaction()
        .execute((trx) =>
          enqueueMail(
            trx,
            { kind: 'reply', to: [{ address: 'gone@acme.test' }], locale: 'fr', subject: 's', text: 't', html: 'h' },
            { supportAddress: 'support@vigie.local', now: h.clock.now(), held: false },
          ),
        );
      const dsn = [
        'From: Mail Delivery System <MAILER-DAEMON@mx.acme.test>',
        'To: support@vigie.local',
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: <dsn.${Date.now()}@mx.acme.test>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
        '',
        '--B',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--B',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.acme.test',
        '',
        'Final-Recipient: rfc822; gone@acme.test',
        'Action: failed',
        'Status: 5.1.1',
        '--B',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: <${out.messageId}>`,
        'Subject: s',
        '--B--',
        '',
      ].join('\r\n');
      const bounce = await deliver(dsn, '');
      expect(bounce).toMatchObject({ status: 'ignored', kind: 'bounce' });
      expect(await ticketCount()).toBe(before);
      const outRow = await h.db
        .selectFrom('mail_messages')
        .select('status')
        .where('id', '=', out.id)
        .executeTakeFirstOrThrow();
      expect(outRow.status).toBe('failed');
      const attempts = await h.db.selectFrom('mail_attempts').select('outcome').where('mail_id', '=', out.id).execute();
      expect(attempts.map((a) => a.outcome)).toEqual(['bounced']);
      // Our own address writing to us is a loop, not a ticket.
      const loop = await deliver(message({ from: 'support@vigie.local', subject: 'Ticket opened' }));
      expect(loop).toMatchObject({ status: 'ignored', kind: 'automated' });
    });

    it('keeps attachments on the ticket, downloadable by the client and by no other client', async () => {
      const raw = [
        `From: ${contactEmail}`,
        'To: support@vigie.local',
        'Subject: Capture',
        `Message-ID: <att.${Date.now()}@acme.test>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="XX"',
        '',
        '--XX',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Voir la capture.',
        '--XX',
        'Content-Type: text/html; name="page.html"',
        'Content-Disposition: attachment; filename="../../page.html"',
        '',
        '<script>alert(1)</script>',
        '--XX',
        'Content-Type: image/png; name="écran.png"',
        'Content-Transfer-Encoding: base64',
        "Content-Disposition: attachment; filename*=UTF-8''%C3%A9cran.png",
        '',
        Buffer.from('PNGDATA').toString('base64'),
        '--XX--',
        '',
      ].join('\r\n');
      const mail = await deliver(raw);
      expect(mail.kind).toBe('new_ticket');
      const f = factories(h.services);
      const own = await f.user('client_manager', clientId);
      const stranger = await f.user('client_manager', otherClientId);
      const ownApi = new ApiClient(h.baseUrl);
      await ownApi.login(own.email, PASSWORD);
      const strangerApi = new ApiClient(h.baseUrl);
      await strangerApi.login(stranger.email, PASSWORD);
      const list = (await ownApi.get(`/api/v1/tickets/${mail.ticketId}/attachments`)) as {
        items: { fileName: string; contentType: string; url: string }[];
      };
      expect(list.items.map((a) => a.fileName).sort()).toEqual(['page.html', 'écran.png']);
      const png = list.items.find((a) => a.fileName === 'écran.png');
      const html = list.items.find((a) => a.fileName === 'page.html');
      const download = await ownApi.request('GET', png?.url ?? '');
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('PNGDATA');
      expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''%C3%A9cran.png");
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      const htmlDownload = await ownApi.request('GET', html?.url ?? '');
      expect(htmlDownload.headers.get('content-type')).toBe('application/octet-stream');
      expect((await strangerApi.request('GET', png?.url ?? '')).status).toBe(404);
      expect((await strangerApi.request('GET', `/api/v1/tickets/${mail.ticketId}/attachments`)).status).toBe(404);
    });

    it('refuses a message with too many files as a whole, with a clear bounce to its sender', async () => {
      const before = await ticketCount();
      const parts = Array.from({ length: 21 }, (_, i) =>
        [
          '--FILES',
          `Content-Type: text/plain; name="f${i}.txt"`,
          `Content-Disposition: attachment; filename="f${i}.txt"`,
          '',
          `file ${i}`,
        ].join('\r\n'),
      );
      const raw = [
        `From: Claire <${contactEmail}>`,
        'To: support@vigie.local',
        'Subject: Plein de fichiers',
        `Message-ID: <files.${dialect}@acme.test>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="FILES"',
        '',
        '--FILES',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Voici les fichiers.',
        ...parts,
        '--FILES--',
        '',
      ].join('\r\n');
      const mail = await deliver(raw);
      expect(mail).toMatchObject({ status: 'ignored', kind: 'refused', ticketId: null });
      expect(await ticketCount()).toBe(before);
      expect(await h.db.selectFrom('attachments').select('id').where('mail_id', '=', mail.id).execute()).toEqual([]);
      const bounce = await h.db
        .selectFrom('mail_messages')
        .select(['kind', 'to_addresses', 'subject', 'text_body', 'in_reply_to', 'locale'])
        .where('direction', '=', 'out')
        .where('kind', '=', 'bounce')
        .where('in_reply_to', '=', `files.${dialect}@acme.test`)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(bounce.to_addresses)).toContain(contactEmail);
      expect(bounce.locale).toBe('fr');
      expect(bounce.subject).toContain('Plein de fichiers');
      expect(bounce.text_body).toMatch(/plus de 20 pièces jointes/);
    });

    it('bounces refusals to one address at most five times an hour (a forged From makes no backscatter)', async () => {
      const victim = 'victim@elsewhere.test';
      const files = Array.from({ length: 21 }, (_, i) =>
        ['--F', `Content-Disposition: attachment; filename="f${i}.txt"`, '', `file ${i}`].join('\r\n'),
      );
      for (let n = 0; n < 7; n += 1) {
        const raw = [
          `From: ${victim}`,
          'To: support@vigie.local',
          `Subject: Flood ${n}`,
          `Message-ID: <flood.${n}.${dialect}@elsewhere.test>`,
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="F"',
          '',
          ...files,
          '--F--',
          '',
        ].join('\r\n');
        expect(await deliver(raw)).toMatchObject({ status: 'ignored', kind: 'refused' });
      }
      const bounces = await h.db
        .selectFrom('mail_messages')
        .select('id')
        .where('direction', '=', 'out')
        .where('kind', '=', 'bounce')
        .where('recipient', '=', victim)
        .execute();
      expect(bounces).toHaveLength(5);
    });

    it('refuses a message over the size limit with 552 and a sentence', async () => {
      const big = message({ from: contactEmail, subject: 'Big', body: 'x'.repeat(300_000) });
      const error = await send(big).then(
        () => null,
        (e: { responseCode?: number; response?: string }) => e,
      );
      expect(error?.responseCode).toBe(552);
      expect(error?.response).toMatch(/too big|MB/i);
    });

    it('answers 451 while the database is unavailable, and takes the retry once it is back', async () => {
      const broken = openDatabase(
        dialect === 'sqlite'
          ? { kind: 'sqlite', file: '/nonexistent-dir/vigie-down.sqlite' }
          : { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/unreachable' },
      );
      const downServices = buildServices(broken, h.clock, TEST_AUTH);
      const down = await startSmtpListener(downServices.mailIntake, {
        host: '127.0.0.1',
        port: 0,
        maxMessageBytes: 200_000,
      });
      const raw = message({
        from: contactEmail,
        subject: 'Pendant la panne',
        messageId: `<down.${dialect}@acme.test>`,
      });
      const before = await ticketCount();
      try {
        const refused = await sendRaw(down.port, raw).then(
          () => null,
          (e: { responseCode?: number }) => e,
        );
        expect(refused?.responseCode).toBe(451);
      } finally {
        await down.stop();
        await broken.destroy().catch(() => {});
      }
      expect(await ticketCount()).toBe(before);
      const retried = await deliver(raw);
      expect(retried).toMatchObject({ status: 'processed', kind: 'new_ticket' });
      expect(await ticketCount()).toBe(before + 1);
    });

    it('processes a duplicate delivery (same Message-ID) once; without a Message-ID, the same bytes once', async () => {
      const before = await ticketCount();
      const raw = message({ from: contactEmail, subject: 'Double', messageId: `<dup.${dialect}@acme.test>` });
      await deliver(raw);
      const second = await send(raw);
      expect(second.response).toMatch(/^250.*Already received/);
      await h.services.mailIntake.drain();
      const noId = message({
        from: contactEmail,
        subject: 'Sans identifiant',
        messageId: null,
        body: `unique ${dialect}`,
      });
      await send(noId);
      await send(noId);
      await h.services.mailIntake.drain();
      expect(await ticketCount()).toBe(before + 2);
    });

    it('reads unknown charsets and bad MIME without crashing; unreadable mail waits in quarantine for re-injection', async () => {
      const odd = await deliver(
        message({
          from: contactEmail,
          subject: 'Charset',
          headers: { 'Content-Type': 'text/plain; charset=x-no-such-charset' },
          body: 'caf\u00e9 ok',
        }),
      );
      expect(odd.status).toBe('processed');
      const broken = await deliver(
        message({
          from: contactEmail,
          subject: 'Broken',
          headers: { 'Content-Type': 'multipart/mixed; boundary="never-closed"' },
          body: '--never-closed\r\nContent-Type: text/plain\r\n\r\npartial',
        }),
      );
      expect(['processed', 'quarantined']).toContain(broken.status);
      const noFrom = await deliver(message({ from: '', subject: 'Qui ?' }));
      expect(noFrom).toMatchObject({ status: 'quarantined', kind: 'malformed' });
      expect(noFrom.error).toMatch(/From/);
      const raw = await manager.request('GET', noFrom.rawUrl);
      expect(raw.status).toBe(200);
      expect(await raw.text()).toContain('Subject: Qui ?');
      const reinjected = await manager.json<InboundMail>(
        'POST',
        `/api/v1/mail/inbound/${noFrom.id}/reinject`,
        undefined,
        200,
      );
      expect(reinjected.status).toBe('quarantined');
      // A stranger's message, re-injected once the address is a contact, becomes a ticket.
      const later = await deliver(message({ from: 'newcomer@elsewhere.test', subject: 'Nouveau' }));
      expect(later.status).toBe('triage');
      await factories(h.services).contact(clientId, { email: 'newcomer@elsewhere.test' });
      const again = await manager.json<InboundMail>(
        'POST',
        `/api/v1/mail/inbound/${later.id}/reinject`,
        undefined,
        200,
      );
      expect(again).toMatchObject({ status: 'processed', kind: 'new_ticket', clientId });
    });

    it('takes a burst of concurrent deliveries (processed in batches): each message once, each in its place', async () => {
      const before = await ticketCount();
      const first = await deliver(
        message({ from: contactEmail, subject: 'Rafale', messageId: `<burst.0.${dialect}@acme.test>` }),
      );
      const burst = Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? message({
              from: contactEmail,
              subject: 'Re: Rafale',
              headers: { 'In-Reply-To': `<burst.0.${dialect}@acme.test>` },
              body: `suite ${i}`,
            })
          : message({ from: contactEmail, subject: `Rafale ${i}` }),
      );
      // The same messages again, concurrently: still once each.
      await Promise.all([...burst, ...burst].map((raw) => send(raw)));
      await h.services.mailIntake.drain();
      expect(await ticketCount()).toBe(before + 1 + 20);
      const replies = (await events(first.ticketId as string)).filter((e) => e.kind === 'reply');
      expect(replies).toHaveLength(10);
      const left = await h.db.selectFrom('mail_messages').select('id').where('status', '=', 'received').execute();
      expect(left).toEqual([]);
    });

    it('keeps inbound mail from client people and from technicians of other clients', async () => {
      const f = factories(h.services);
      const person = await f.user('client_manager', clientId);
      const api = new ApiClient(h.baseUrl);
      await api.login(person.email, PASSWORD);
      expect((await api.request('GET', '/api/v1/mail/inbound?status=processed')).status).toBe(403);
      const tech = await f.user('technician');
      const techApi = new ApiClient(h.baseUrl);
      await techApi.login(tech.email, PASSWORD);
      const seen = (await techApi.get('/api/v1/mail/inbound?status=processed&limit=200')) as Page<InboundMailSummary>;
      expect(seen.items.filter((m) => m.clientId !== null)).toEqual([]);
      const processed = (await manager.get(
        '/api/v1/mail/inbound?status=processed&limit=1',
      )) as Page<InboundMailSummary>;
      const one = processed.items[0];
      expect(one).toBeDefined();
      expect((await techApi.request('GET', `/api/v1/mail/inbound/${one?.id}`)).status).toBe(404);
      expect(processed.nextCursor).not.toBeNull();
      const next = (await manager.get(
        `/api/v1/mail/inbound?status=processed&limit=1&cursor=${processed.nextCursor}`,
      )) as Page<InboundMailSummary>;
      expect(next.items[0]?.id).not.toBe(one?.id);
    });
  });
}
