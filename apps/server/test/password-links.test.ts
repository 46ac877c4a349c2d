import type { InvitationInfo, InvitationSent, SessionInfo } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { type SinkMessage, type SmtpSink, startSmtpSink } from './smtp-sink.js';

/** The error of a refused request (`{ error: { code, message } }`). */
async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

const NEW_PASSWORD = 'a brand new passphrase';

/** The token of the link a mail carries, read from its plain text. */
function tokenIn(message: SinkMessage | undefined, path: string): string {
  const match = new RegExp(`https://vigie\\.example\\.test${path}\\?token=([A-Za-z0-9_-]+)`).exec(
    message?.parsed.text ?? '',
  );
  if (!match?.[1]) throw new Error(`no ${path} link in: ${message?.parsed.text}`);
  return match[1];
}

for (const dialect of DIALECTS) {
  describe(`password reset and invitation links (${dialect})`, () => {
    let h: Harness;
    let sink: SmtpSink;
    let anonymous: ApiClient;
    let admin: ApiClient;
    let manager: ApiClient;
    let technician: ApiClient;
    let clientId: string;

    beforeAll(async () => {
      h = await startHarness(dialect);
      sink = await startSmtpSink();
      Object.assign(h.services.outboundMail.settings, { relayUrl: sink.url, publicUrl: 'https://vigie.example.test' });
      const f = factories(h.services);
      clientId = (await f.client()).id;
      const adminUser = await f.user('admin');
      const managerUser = await f.user('manager');
      const technicianUser = await f.user('technician');
      anonymous = new ApiClient(h.baseUrl);
      admin = new ApiClient(h.baseUrl);
      manager = new ApiClient(h.baseUrl);
      technician = new ApiClient(h.baseUrl);
      await admin.login(adminUser.email, PASSWORD);
      await manager.login(managerUser.email, PASSWORD);
      await technician.login(technicianUser.email, PASSWORD);
    });
    afterAll(async () => {
      // The sender's pooled connections would hold the sink open until they time out (30 s).
      h?.services.outboundMail.sender.close();
      await h?.close();
      await sink?.stop();
    });

    async function mailsAfter(before: number, expected: number): Promise<SinkMessage[]> {
      await h.services.passwordLinks.settled();
      await h.services.outboundMail.pass();
      await sink.waitFor(before + expected);
      await h.services.outboundMail.pass();
      expect(sink.messages.length).toBe(before + expected);
      // In the order they were queued (ids grow with time): mails sent together may arrive in any order.
      const queued = (m: SinkMessage) => m.parsed.messageId ?? '';
      return sink.messages.slice(before).sort((a, b) => queued(a).localeCompare(queued(b)));
    }

    it('answers the same for a known and an unknown address, and mails a link that works once', async () => {
      const user = await factories(h.services).user('requester', clientId, { locale: 'fr', name: 'Sandrine Roux' });
      const before = sink.messages.length;
      const known = await anonymous.request('POST', '/api/v1/auth/password-reset', { email: user.email.toUpperCase() });
      const unknown = await anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'nobody@example.test' });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(await known.json()).toEqual(await unknown.json());
      const [mail] = await mailsAfter(before, 1);
      expect(mail?.envelope.to).toEqual([user.email]);
      expect(mail?.parsed.subject).toBe('Réinitialisation de votre mot de passe Vigie');
      expect(mail?.parsed.text).toContain('pendant une heure');
      const token = tokenIn(mail, '/reset-password');
      // Only the hash of the token is stored: the mail, once sent, keeps its link without it.
      const stored = await h.db.selectFrom('one_time_links').select('token_hash').execute();
      expect(stored.map((s) => s.token_hash)).not.toContain(token);
      const kept = await h.db
        .selectFrom('mail_messages')
        .select(['status', 'text_body', 'html_body'])
        .where('kind', '=', 'reset')
        .execute();
      expect(kept.map((m) => m.status)).toContain('sent');
      for (const m of kept) expect(`${m.text_body} ${m.html_body}`).not.toContain(token);

      // An open session of that person ends with the reset.
      const session = new ApiClient(h.baseUrl);
      await session.login(user.email, PASSWORD);
      const weak = await anonymous.request('POST', '/api/v1/auth/password-reset/complete', {
        token,
        password: 'short',
      });
      expect(weak.status).toBe(400);
      expect((await errorOf(weak)).message).toContain('at least 12 characters');
      const done = await anonymous.request('POST', '/api/v1/auth/password-reset/complete', {
        token,
        password: NEW_PASSWORD,
      });
      expect(done.status).toBe(204);
      expect((await session.request('GET', '/api/v1/auth/session')).status).toBe(401);
      expect((await new ApiClient(h.baseUrl).login(user.email, PASSWORD)).status).toBe(401);
      expect((await new ApiClient(h.baseUrl).login(user.email, NEW_PASSWORD)).status).toBe(200);

      const reused = await anonymous.request('POST', '/api/v1/auth/password-reset/complete', {
        token,
        password: 'yet another passphrase',
      });
      expect(reused.status).toBe(410);
      expect(await errorOf(reused)).toMatchObject({
        code: 'link_used',
        message: expect.stringContaining('already used'),
      });
      const forged = await anonymous.request('POST', '/api/v1/auth/password-reset/complete', {
        token: 'not-a-token-we-gave-out',
        password: 'yet another passphrase',
      });
      expect(forged.status).toBe(410);
      expect((await errorOf(forged)).code).toBe('link_invalid');
      const audit = await h.db.selectFrom('audit_events').select('action').where('object_id', '=', user.id).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['password_reset_link', 'password_reset']));
    });

    it('lets a reset link expire after an hour, and voids the older link when a newer one is asked for', async () => {
      const user = await factories(h.services).user('technician', null, { locale: 'en' });
      const before = sink.messages.length;
      await anonymous.request('POST', '/api/v1/auth/password-reset', { email: user.email });
      const [first] = await mailsAfter(before, 1);
      expect(first?.parsed.subject).toBe('Reset your Vigie password');
      const firstToken = tokenIn(first, '/reset-password');
      h.clock.advance(60 * 60_000);
      const expired = await anonymous.request('POST', '/api/v1/auth/password-reset/complete', {
        token: firstToken,
        password: NEW_PASSWORD,
      });
      expect(expired.status).toBe(410);
      expect((await errorOf(expired)).code).toBe('link_expired');

      await anonymous.request('POST', '/api/v1/auth/password-reset', { email: user.email });
      await anonymous.request('POST', '/api/v1/auth/password-reset', { email: user.email });
      const [second, third] = await mailsAfter(before + 1, 2);
      const secondToken = tokenIn(second, '/reset-password');
      const thirdToken = tokenIn(third, '/reset-password');
      const voided = await anonymous.request('POST', '/api/v1/auth/password-reset/complete', {
        token: secondToken,
        password: NEW_PASSWORD,
      });
      expect(voided.status).toBe(410);
      const ok = await anonymous.request('POST', '/api/v1/auth/password-reset/complete', {
        token: thirdToken,
        password: NEW_PASSWORD,
      });
      expect(ok.status).toBe(204);
    });

    it('sends at most three reset mails an hour to one address, with the same answer', async () => {
      const user = await factories(h.services).user('requester', clientId);
      const before = sink.messages.length;
      for (let i = 0; i < 5; i += 1) {
        const response = await anonymous.request('POST', '/api/v1/auth/password-reset', { email: user.email });
        expect(response.status).toBe(202);
      }
      await mailsAfter(before, 3);
    });

    it('invites a person, greets them by name, and opens their session when they choose a password', async () => {
      const person = await factories(h.services).user('client_manager', clientId, {
        name: 'Claire Dubois',
        locale: 'fr',
      });
      expect((await technician.request('POST', `/api/v1/users/${person.id}/invitation`)).status).toBe(403);
      const before = sink.messages.length;
      const sent = await manager.json<InvitationSent>('POST', `/api/v1/users/${person.id}/invitation`, undefined, 202);
      expect(sent).toMatchObject({ userId: person.id, email: person.email });
      expect(sent.expiresAt).toBe(new Date(h.clock.now().getTime() + 7 * 24 * 3600_000).toISOString());
      const [mail] = await mailsAfter(before, 1);
      expect(mail?.parsed.subject).toBe('Votre accès à Vigie');
      const token = tokenIn(mail, '/invitation');

      const info = await anonymous.json<InvitationInfo>('GET', `/api/v1/auth/invitation?token=${token}`);
      expect(info).toMatchObject({ email: person.email, name: 'Claire Dubois' });
      const invited = new ApiClient(h.baseUrl);
      const accepted = await invited.request('POST', '/api/v1/auth/invitation/accept', {
        token,
        password: NEW_PASSWORD,
      });
      expect(accepted.status).toBe(200);
      const session = (await accepted.json()) as SessionInfo;
      expect(session.user).toMatchObject({ id: person.id, role: 'client_manager' });
      const cookie = accepted.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^vigie_session=[^;]+;.*HttpOnly/i);
      const me = await fetch(`${h.baseUrl}/api/v1/auth/session`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
      expect(me.status).toBe(200);
      expect((await new ApiClient(h.baseUrl).login(person.email, NEW_PASSWORD)).status).toBe(200);

      const again = await anonymous.request('GET', `/api/v1/auth/invitation?token=${token}`);
      expect(again.status).toBe(410);
      expect((await errorOf(again)).code).toBe('link_used');
    });

    it('lets an invitation run 7 days, and keeps administrators’ invitations to administrators', async () => {
      const person = await factories(h.services).user('technician', null);
      const before = sink.messages.length;
      await admin.json('POST', `/api/v1/users/${person.id}/invitation`, undefined, 202);
      const token = tokenIn((await mailsAfter(before, 1))[0], '/invitation');
      h.clock.advance(7 * 24 * 3600_000 - 1000);
      expect((await anonymous.request('GET', `/api/v1/auth/invitation?token=${token}`)).status).toBe(200);
      h.clock.advance(1000);
      const late = await anonymous.request('POST', '/api/v1/auth/invitation/accept', { token, password: NEW_PASSWORD });
      expect(late.status).toBe(410);
      expect((await errorOf(late)).code).toBe('link_expired');

      // Sessions have expired across the week: sign in again.
      const otherAdmin = await factories(h.services).user('admin');
      const managerUser = await factories(h.services).user('manager');
      await manager.login(managerUser.email, PASSWORD);
      expect((await manager.request('POST', `/api/v1/users/${otherAdmin.id}/invitation`)).status).toBe(403);
      expect(
        (await manager.request('POST', '/api/v1/users/00000000-0000-7000-8000-000000000000/invitation')).status,
      ).toBe(404);
      // Password-link mails belong to no client: managers read them in the log, technicians do not.
      const log = await manager.json<{ items: { kind: string }[] }>('GET', '/api/v1/mail/outbound?kind=invitation');
      expect(log.items.length).toBeGreaterThan(0);
      const technicianUser = await factories(h.services).user('technician');
      await technician.login(technicianUser.email, PASSWORD);
      const hidden = await technician.json<{ items: unknown[] }>('GET', '/api/v1/mail/outbound?kind=invitation');
      expect(hidden.items).toHaveLength(0);
    });
  });
}
