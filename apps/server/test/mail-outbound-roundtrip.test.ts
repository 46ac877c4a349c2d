/**
 * Outbound mail answered over SMTP: what Vigie sends is captured by a real SMTP sink, the requester answers it
 * through the SMTP intake, and the answer threads back onto the ticket by its headers alone.
 */
import type { Ticket, TicketEvent } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { type SmtpListener, startSmtpListener } from '../src/modules/mail/intake/smtp-listener.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { message, sendRaw } from './smtp-client.js';
import { type SinkMessage, type SmtpSink, startSmtpSink } from './smtp-sink.js';

const CLAIRE = 'claire.dubois@acme.test';

for (const dialect of DIALECTS) {
  describe(`outbound mail answered by mail threads back (${dialect})`, () => {
    let h: Harness;
    let sink: SmtpSink;
    let smtp: SmtpListener;
    let lea: ApiClient;

    beforeAll(async () => {
      h = await startHarness(dialect);
      sink = await startSmtpSink();
      h.services.outboundMail.settings.relayUrl = sink.url;
      const f = factories(h.services);
      const client = await f.client({ mailDomains: ['acme.test'] });
      await f.contract(client.id);
      await f.contact(client.id, { email: CLAIRE, firstName: 'Claire', lastName: 'Dubois', locale: 'fr' });
      const tech = await f.user('technician');
      await h.services.teams.create(systemCtx, {
        name: 'Desk',
        description: null,
        memberIds: [tech.id],
        clientIds: [client.id],
      });
      lea = new ApiClient(h.baseUrl);
      await lea.login(tech.email, PASSWORD);
      smtp = await startSmtpListener(h.services.mailIntake, { host: '127.0.0.1', port: 0, maxMessageBytes: 200_000 });
    });
    afterAll(async () => {
      await smtp?.stop();
      await h?.close();
      await sink?.stop();
    });

    async function mailFromClaire(raw: string): Promise<void> {
      const answer = await sendRaw(smtp.port, raw, { from: CLAIRE, to: ['support@vigie.local'] });
      expect(answer.response).toMatch(/^250/);
      await h.services.mailIntake.drain();
    }
    async function outbound(expected: number): Promise<SinkMessage[]> {
      const before = sink.messages.length;
      await h.services.outboundMail.pass();
      await sink.waitFor(before + expected);
      await h.services.outboundMail.pass();
      expect(sink.messages.length).toBe(before + expected);
      return sink.messages.slice(before);
    }
    /** Answers a mail as a mail client does: In-Reply-To and References, the subject left as the client likes. */
    const answer = (to: SinkMessage, subject: string, body: string) =>
      message({
        from: `Claire Dubois <${CLAIRE}>`,
        subject,
        body,
        headers: {
          'In-Reply-To': to.parsed.messageId ?? '',
          References: [...referencesOf(to), to.parsed.messageId ?? ''].join(' '),
        },
      });
    const referencesOf = (m: SinkMessage) =>
      Array.isArray(m.parsed.references) ? m.parsed.references : m.parsed.references ? [m.parsed.references] : [];

    it('acknowledges a mailed request, takes the answer to the acknowledgement onto the ticket, and echoes nothing', async () => {
      await mailFromClaire(
        message({ from: `Claire Dubois <${CLAIRE}>`, subject: 'Écran noir', body: 'Mon écran reste noir.' }),
      );
      const [ack] = await outbound(1);
      if (!ack) throw new Error('no acknowledgement');
      const reference = /\[(T-\d{6})\]/.exec(ack.parsed.subject ?? '')?.[1];
      expect(ack.parsed.subject).toBe(`[${reference}] Écran noir`);
      expect(ack.parsed.inReplyTo).toMatch(/^<test\..+@example\.test>$/);
      const ticketId = (
        await h.db.selectFrom('tickets').select('id').where('title', '=', 'Écran noir').executeTakeFirstOrThrow()
      ).id;

      // Claire answers the acknowledgement under a subject of her own: the headers alone thread it.
      await mailFromClaire(answer(ack, 'une précision', 'Le voyant clignote en orange.'));
      const timeline = (await h.services.tickets.events(systemCtx, ticketId, { limit: 100 }))
        .items as unknown as TicketEvent[];
      expect(timeline.some((e) => e.kind === 'reply' && e.body?.includes('Le voyant clignote'))).toBe(true);
      // Her own message is not mailed back to her.
      await outbound(0);

      // The technician answers; his reply answers her last message.
      await lea.json('POST', `/api/v1/tickets/${ticketId}/take`, undefined, 200);
      await lea.json('POST', `/api/v1/tickets/${ticketId}/comments`, { body: 'Débranchez le câble vidéo.' });
      const [reply] = await outbound(1);
      expect(reply?.parsed.inReplyTo).not.toBe(ack.parsed.messageId);
      expect(referencesOf(reply as SinkMessage)[0]).toBe(ack.parsed.inReplyTo);

      // Resolved; Claire answers the resolution mail: she is asked whether she refuses the solution.
      await lea.json('POST', `/api/v1/tickets/${ticketId}/resolve`, { kind: 'solution', text: 'Câble remplacé.' }, 200);
      const [resolution] = await outbound(1);
      if (!resolution) throw new Error('no resolution');
      await mailFromClaire(answer(resolution, `Re: ${resolution.parsed.subject}`, 'Merci, mais il clignote encore.'));
      const [question] = await outbound(1);
      expect(question?.parsed.text).toContain('Refusez-vous la solution apportée ?');
      expect(question?.parsed.text).toContain(`/portal/tickets/${ticketId}?answer=reject`);
      expect(((await h.services.tickets.get(systemCtx, ticketId)) as Ticket).status).toBe('resolved');
    });
  });
}
