import type { MailDigestSetting, Ticket } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

/** The error of a refused request (`{ error: { code, message } }`). */
async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** Wall-clock instant in Paris (March 2026: UTC+1). */
const paris = (local: string) => new Date(`${local}+01:00`);

for (const dialect of DIALECTS) {
  describe(`daily digest (${dialect})`, () => {
    let h: Harness;
    let sink: SmtpSink;
    let manager: ApiClient;
    let lea: ApiClient;
    let requester: ApiClient;
    let managerEmail: string;
    let leaEmail: string;
    let clientId: string;
    const people: Record<string, ApiClient> = {};

    beforeAll(async () => {
      h = await startHarness(dialect);
      h.clock.set(paris('2026-03-02T06:00:00'));
      sink = await startSmtpSink();
      h.services.outboundMail.settings.relayUrl = sink.url;
      const f = factories(h.services);
      clientId = (await f.client({ name: 'Clinique des Tilleuls' })).id;
      const managerUser = await f.user('manager', null, { name: 'Paul Martin', locale: 'fr' });
      const leaUser = await f.user('technician', null, { name: 'Léa', locale: 'en' });
      await h.services.teams.create(systemCtx, {
        name: 'D',
        description: null,
        memberIds: [leaUser.id],
        clientIds: [],
      });
      const requesterUser = await f.user('requester', clientId);
      managerEmail = managerUser.email;
      leaEmail = leaUser.email;
      manager = new ApiClient(h.baseUrl);
      lea = new ApiClient(h.baseUrl);
      requester = new ApiClient(h.baseUrl);
      people[managerEmail] = manager;
      people[leaEmail] = lea;
      people[requesterUser.email] = requester;
      await signIn();
    });
    afterAll(async () => {
      await h?.close();
      await sink?.stop();
    });
    async function signIn() {
      await Promise.all(Object.entries(people).map(([email, client]) => client.login(email, PASSWORD)));
    }
    async function at(local: string) {
      h.clock.set(paris(local));
      await signIn();
      return h.services.outboundMail.pass();
    }

    it('is off until a person turns it on, at an hour of their choice; client people have none', async () => {
      expect(await manager.json<MailDigestSetting>('GET', '/api/v1/me/mail-digest')).toEqual({
        enabled: false,
        hour: 7,
        lastSentOn: null,
      });
      const on = await manager.json<MailDigestSetting>('PUT', '/api/v1/me/mail-digest', { enabled: true, hour: 8 });
      expect(on).toMatchObject({ enabled: true, hour: 8 });
      const bad = await manager.request('PUT', '/api/v1/me/mail-digest', { enabled: true, hour: 24 });
      expect(bad.status).toBe(400);
      expect((await errorOf(bad)).message).toContain('hour');
      expect((await requester.request('PUT', '/api/v1/me/mail-digest', { enabled: true, hour: 8 })).status).toBe(403);
      await lea.json('PUT', '/api/v1/me/mail-digest', { enabled: true, hour: 8 });
    });

    it('sends one digest a day at the chosen hour, with the desk’s figures, in the person’s language', async () => {
      await manager.json<Ticket>('POST', '/api/v1/tickets', {
        clientId,
        title: 'Scanner en panne',
        impact: 3,
        urgency: 3,
      });
      await manager.json<Ticket>('POST', '/api/v1/tickets', { clientId, title: 'Wifi lent', impact: 4, urgency: 4 });
      expect((await at('2026-03-02T07:59:00')).digests).toBe(0);
      const atEight = await at('2026-03-02T08:00:00');
      expect(atEight.digests).toBe(2);
      await sink.waitFor(2);
      const digests = sink.messages.filter((m) => m.parsed.subject?.includes('2026-03-02'));
      const toManager = digests.find((m) => m.envelope.to[0] === managerEmail);
      expect(toManager?.parsed.subject).toBe('Votre résumé du 2026-03-02');
      expect(toManager?.parsed.text).toContain('Tickets ouverts (2)');
      expect(toManager?.parsed.text).toContain('Sans technicien assigné (2)');
      expect(toManager?.parsed.text).toMatch(/T-\d{6} Scanner en panne \(Clinique des Tilleuls\)/);
      // Léa's teams serve no client: her desk is empty, and her digest is in English.
      const toLea = digests.find((m) => m.envelope.to[0] === leaEmail);
      expect(toLea?.parsed.subject).toBe('Your digest for 2026-03-02');
      expect(toLea?.parsed.text).toContain('Open tickets (0)');

      // Later the same day: nothing more.
      expect((await at('2026-03-02T09:30:00')).digests).toBe(0);
      expect((await at('2026-03-02T23:59:00')).digests).toBe(0);
      // The next day at 08:00 Paris time, once again.
      expect((await at('2026-03-03T07:30:00')).digests).toBe(0);
      expect((await at('2026-03-03T08:05:00')).digests).toBe(2);
      expect((await at('2026-03-03T08:06:00')).digests).toBe(0);
      expect((await manager.json<MailDigestSetting>('GET', '/api/v1/me/mail-digest')).lastSentOn).toBe('2026-03-03');

      // Turned off: no more digests.
      await manager.json('PUT', '/api/v1/me/mail-digest', { enabled: false });
      expect((await at('2026-03-04T08:00:00')).digests).toBe(1);
    });
  });
}
