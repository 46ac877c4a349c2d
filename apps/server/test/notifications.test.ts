import type { NotificationDeliveryView, NotificationRuleView } from '@vigie/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import type { AlertRow } from '../src/db/schema-monitoring.js';
import type { AlertChange } from '../src/modules/monitoring/notifications/notification.service.js';
import { NotificationSender } from '../src/modules/monitoring/notifications/notification-sender.js';
import { changeAlert, insertAlert, insertCheck } from './alert-rows.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

type Page<T> = { items: T[]; nextCursor: string | null };
const MINUTE = 60_000;
const RULES = '/api/v1/monitoring/notification-rules';

for (const dialect of DIALECTS) {
  describe(`alert notifications (${dialect})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let manager: ApiClient;
    let technician: ApiClient;
    let clientManager: ApiClient;
    let requester: ApiClient;
    let receiver: WebhookReceiver;
    let clientA: string;
    let clientB: string;
    let teamA: string;
    let people: [ApiClient, string][] = [];

    const notifications = () => h.services.monitoring.notifications;
    const tick = () => notifications().sender.tick();

    beforeAll(async () => {
      h = await startHarness(dialect);
      f = factories(h.services);
      receiver = await startWebhookReceiver();
      clientA = (await f.client({ name: 'ACME', locale: 'fr' })).id;
      clientB = (await f.client({ name: 'Globex', locale: 'en' })).id;
      const managerUser = await f.user('manager');
      const techUser = await f.user('technician', null, { locale: 'fr' });
      const techEn = await f.user('technician', null, { locale: 'en' });
      const cmUser = await f.user('client_manager', clientA);
      const requesterUser = await f.user('requester', clientA);
      teamA = (
        await h.services.teams.create(systemCtx, {
          name: 'ACME desk',
          description: null,
          memberIds: [techUser.id, techEn.id],
          clientIds: [clientA],
        })
      ).id;
      manager = new ApiClient(h.baseUrl);
      technician = new ApiClient(h.baseUrl);
      clientManager = new ApiClient(h.baseUrl);
      requester = new ApiClient(h.baseUrl);
      people = [
        [manager, managerUser.email],
        [technician, techUser.email],
        [clientManager, cmUser.email],
        [requester, requesterUser.email],
      ];
      await signIn();
    });
    /** Sessions expire on the test clock, which some tests move by hours. */
    async function signIn() {
      for (const [client, email] of people) expect((await client.login(email, PASSWORD)).status).toBe(200);
    }
    afterEach(async () => {
      // Each test starts with no rule (their deliveries go with them) and an idle receiver.
      for (const rule of (await notifications().listRules(systemCtx)).items) {
        await notifications().deleteRule(systemCtx, rule.id);
      }
      receiver.posts.length = 0;
      receiver.answers.length = 0;
    });
    afterAll(async () => {
      await notifications()?.sender.stop();
      await receiver?.stop();
      await h?.close();
    });

    const assets = new Map<string, string>();
    /** An open alert on a new check of the client's asset of that name. */
    async function newAlert(clientId: string, overrides: Partial<AlertRow> = {}, assetName = 'srv-db01') {
      const key = `${clientId}/${assetName}`;
      const assetId = assets.get(key) ?? (await f.asset(clientId, { name: assetName })).id;
      assets.set(key, assetId);
      const checkId = await insertCheck(h.db, clientId, assetId);
      return insertAlert(h.db, h.clock.now(), { clientId, assetId, checkId }, overrides);
    }
    /** What the alert engine does at a change: queue in its own transaction. */
    function queue(alert: AlertRow, event: AlertChange) {
      return h.db.transaction().execute((trx) => notifications().queueFor(trx, alert, event));
    }
    function rule(body: Record<string, unknown>) {
      return manager.json<NotificationRuleView>('POST', RULES, { minSeverity: 'warning', ...body });
    }
    function webhookRule(path: string, body: Record<string, unknown> = {}) {
      return rule({ name: `hook ${path}`, channel: 'webhook', target: `${receiver.url}${path}`, ...body });
    }
    async function deliveries(query = '') {
      return (await manager.json<Page<NotificationDeliveryView>>('GET', `/api/v1/monitoring/notifications?${query}`))
        .items;
    }
    const postsTo = (path: string) => receiver.posts.filter((p) => p.path === path);
    /** The body of the n-th post to a path, as the test expects it to look. */
    const bodyOf = <T>(path: string, n: number) => postsTo(path)[n]?.body as T;

    it('posts exactly one message per alert change to each webhook, in the JSON, Slack and Teams formats', async () => {
      await webhookRule('/json', { format: 'json', clientId: clientA });
      await webhookRule('/slack', { format: 'slack', clientId: clientA });
      await webhookRule('/teams', { format: 'teams', clientId: clientA });
      const opened = await newAlert(clientA);

      expect(await queue(opened, 'opened')).toBe(3);
      await tick();
      await tick();
      expect(receiver.posts.map((p) => p.path).sort()).toEqual(['/json', '/slack', '/teams']);

      const json = postsTo('/json')[0]?.body as Record<string, Record<string, unknown>>;
      expect(json.event).toBe('opened');
      expect(json.alert).toMatchObject({ number: opened.number, severity: 'critical', summary: 'Disk / 96 %' });
      expect(json.asset).toMatchObject({ name: 'srv-db01' });
      expect(json.client).toMatchObject({ name: 'ACME' });
      expect(json.check).toMatchObject({ name: 'Disk /' });
      expect(json.url).toBe(`http://localhost:8080/monitoring/alerts/${opened.id}`);
      expect(postsTo('/json')[0]?.headers['content-type']).toBe('application/json');

      // Slack: a fallback text and blocks of known types, mrkdwn text, a link button.
      const slack = postsTo('/slack')[0]?.body as { text: string; blocks: Record<string, unknown>[] };
      expect(slack.text).toBe('[CRITICAL] srv-db01 — Disk / 96 %');
      expect(slack.blocks.map((b) => b.type)).toEqual(['section', 'section', 'actions']);
      expect(slack.blocks[0]).toMatchObject({ text: { type: 'mrkdwn' } });
      expect(slack.blocks[2]).toMatchObject({ elements: [{ type: 'button', url: json.url }] });

      // Teams: an Adaptive Card in a message attachment.
      const teams = postsTo('/teams')[0]?.body as { type: string; attachments: Record<string, unknown>[] };
      expect(teams.type).toBe('message');
      expect(teams.attachments[0]).toMatchObject({
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          version: '1.4',
          actions: [{ type: 'Action.OpenUrl', url: json.url }],
        },
      });

      h.clock.advance(30 * MINUTE);
      const resolved = await changeAlert(h.db, opened, {
        status: 'resolved',
        resolved_at: h.clock.now().toISOString(),
      });
      expect(await queue(resolved, 'resolved')).toBe(3);
      expect(await queue(resolved, 'resolved')).toBe(0);
      await tick();
      expect(receiver.posts).toHaveLength(6);
      const ended = postsTo('/json')[1]?.body as Record<string, Record<string, unknown>>;
      expect(ended.event).toBe('resolved');
      expect(ended.alert).toMatchObject({ status: 'resolved', durationSeconds: 1800 });
      expect(bodyOf<{ text: string }>('/slack', 1).text).toBe('[RESOLVED] srv-db01 — Disk / 96 %');
    });

    it('queues one delivery when the same change is queued twice (a replay)', async () => {
      await webhookRule('/once', { clientId: clientA });
      const alert = await newAlert(clientA);
      expect(await queue(alert, 'opened')).toBe(1);
      expect(await queue(alert, 'opened')).toBe(0);
      await tick();
      expect(postsTo('/once')).toHaveLength(1);
      expect(await deliveries(`alertId=${alert.id}`)).toHaveLength(1);

      // A batch from the engine: one insert, the change already queued skipped, the end of the first alert queued.
      const second = await newAlert(clientA);
      const over = await changeAlert(h.db, alert, { status: 'resolved', resolved_at: h.clock.now().toISOString() });
      const queued = await h.db.transaction().execute((trx) =>
        notifications().queueForMany(trx, [
          { alert, event: 'opened' },
          { alert: second, event: 'opened' },
          { alert: over, event: 'resolved' },
        ]),
      );
      expect(queued).toBe(2);
      await tick();
      expect(
        postsTo('/once')
          .map((p) => (p.body as { event: string }).event)
          .sort(),
      ).toEqual(['opened', 'opened', 'resolved']);
    });

    it('retries a webhook answering 500 a minute later, logging both tries', async () => {
      await webhookRule('/flaky', { clientId: clientA });
      const alert = await newAlert(clientA);
      receiver.answers.push(500);
      await queue(alert, 'opened');
      await tick();
      let [delivery] = await deliveries(`alertId=${alert.id}`);
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
      expect(delivery?.nextAttemptAt).toBe(new Date(h.clock.now().getTime() + MINUTE).toISOString());

      h.clock.advance(59_000);
      await tick();
      expect(postsTo('/flaky')).toHaveLength(1);
      h.clock.advance(1_000);
      await tick();
      expect(postsTo('/flaky')).toHaveLength(2);
      [delivery] = await deliveries(`alertId=${alert.id}`);
      expect(delivery).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      expect(delivery?.attemptLog.map((a) => a.outcome)).toEqual(['deferred', 'sent']);
      expect(delivery?.attemptLog[0]?.detail).toContain('HTTP 500');
      // Same delivery id on both posts: a receiver can tell a retry from a new message.
      expect(new Set(postsTo('/flaky').map((p) => p.headers['x-vigie-delivery'])).size).toBe(1);
    });

    it('gives up at once on a 404, and a manager can send it again by hand', async () => {
      await webhookRule('/gone', { clientId: clientA });
      const alert = await newAlert(clientA);
      receiver.answers.push(404);
      await queue(alert, 'opened');
      await tick();
      h.clock.advance(60 * MINUTE);
      await tick();
      expect(postsTo('/gone')).toHaveLength(1);
      const [failed] = await deliveries(`alertId=${alert.id}&status=failed`);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed?.lastError).toContain('HTTP 404');

      const retried = await manager.json<NotificationDeliveryView>(
        'POST',
        `/api/v1/monitoring/notifications/${failed?.id}/retry`,
        undefined,
        200,
      );
      expect(retried.status).toBe('pending');
      await tick();
      expect(postsTo('/gone')).toHaveLength(2);
      const [sent] = await deliveries(`alertId=${alert.id}`);
      expect(sent?.status).toBe('sent');
      expect(sent?.attemptLog.map((a) => a.outcome)).toEqual(['failed', 'sent']);
      const again = await manager.request('POST', `/api/v1/monitoring/notifications/${failed?.id}/retry`);
      expect(again.status).toBe(409);
    });

    it('fails a delivery after 8 tries spaced 1, 5, 15, 60 minutes then 4 hours', async () => {
      await webhookRule('/down', { clientId: clientA });
      const alert = await newAlert(clientA);
      receiver.answers.push(503, 503, 503, 503, 503, 503, 503, 503);
      await queue(alert, 'opened');
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) {
        await tick();
        const [d] = await deliveries(`alertId=${alert.id}`);
        if (d?.nextAttemptAt) {
          const wait = new Date(d.nextAttemptAt).getTime() - h.clock.now().getTime();
          waits.push(wait / MINUTE);
          h.clock.advance(wait);
        }
      }
      expect(waits).toEqual([1, 5, 15, 60, 240, 240, 240]);
      const [d] = await deliveries(`alertId=${alert.id}`);
      expect(d).toMatchObject({ status: 'failed', attempts: 8 });
      expect(postsTo('/down')).toHaveLength(8);
    });

    it('routes by severity: a critical-only rule ignores warnings until the alert turns critical', async () => {
      await webhookRule('/critical', { clientId: clientA, minSeverity: 'critical' });
      await webhookRule('/warning', { clientId: clientA, minSeverity: 'warning' });
      const warning = await newAlert(clientA, { severity: 'warning' });
      const unknown = await newAlert(clientA, { severity: 'unknown' });
      expect(await queue(warning, 'opened')).toBe(1);
      expect(await queue(unknown, 'opened')).toBe(1);
      await tick();
      expect(postsTo('/critical')).toHaveLength(0);
      expect(postsTo('/warning')).toHaveLength(2);

      const worse = await changeAlert(h.db, warning, { severity: 'critical' });
      expect(await queue(worse, 'severity')).toBe(2);
      await tick();
      expect(postsTo('/critical').map((p) => (p.body as { event: string }).event)).toEqual(['severity']);
      expect(postsTo('/warning')).toHaveLength(3);

      // The end of an alert goes to the rules that announced it, and to no rule created since.
      await webhookRule('/late', { clientId: clientA });
      const over = await changeAlert(h.db, unknown, { status: 'resolved', resolved_at: h.clock.now().toISOString() });
      expect(await queue(over, 'resolved')).toBe(1);
      await tick();
      expect(postsTo('/warning').map((p) => (p.body as { event: string }).event)).toContain('resolved');
      expect(postsTo('/critical')).toHaveLength(1);
      expect(postsTo('/late')).toHaveLength(0);
    });

    it('routes by client and by team', async () => {
      await webhookRule('/acme', { clientId: clientA });
      await webhookRule('/all', { clientId: null });
      await webhookRule('/team', { teamId: teamA });
      await notifications().queueFor(h.db, await newAlert(clientA), 'opened');
      await notifications().queueFor(h.db, await newAlert(clientB), 'opened');
      await tick();
      const clientsOf = (path: string) =>
        postsTo(path).map((p) => (p.body as { client: { name: string } }).client.name);
      expect(clientsOf('/acme')).toEqual(['ACME']);
      expect(clientsOf('/all').sort()).toEqual(['ACME', 'Globex']);
      expect(clientsOf('/team')).toEqual(['ACME']);
    });

    it('repeats every repeatMinutes while the alert is open and unacknowledged, and stops once acknowledged', async () => {
      await webhookRule('/repeat', { clientId: clientA, repeatMinutes: 30 });
      const alert = await newAlert(clientA);
      await queue(alert, 'opened');
      await tick();
      h.clock.advance(29 * MINUTE);
      await tick();
      expect(postsTo('/repeat')).toHaveLength(1);
      h.clock.advance(MINUTE);
      await tick();
      h.clock.advance(30 * MINUTE);
      // Two processes finding the same repeat due queue it once.
      const other = new NotificationSender(h.db, h.clock, h.services.outboundMail.settings);
      const queued = await Promise.all([notifications().sender.queueRepeats(), other.queueRepeats()]);
      expect(queued[0] + queued[1]).toBe(1);
      await tick();
      expect(postsTo('/repeat').map((p) => (p.body as { event: string; repeat: number }).repeat)).toEqual([0, 1, 2]);
      expect(bodyOf<{ event: string }>('/repeat', 1).event).toBe('repeat');

      await h.db
        .updateTable('alerts')
        .set({ acknowledged_at: h.clock.now().toISOString() })
        .where('id', '=', alert.id)
        .execute();
      h.clock.advance(120 * MINUTE);
      await tick();
      expect(postsTo('/repeat')).toHaveLength(3);
    });

    it('two senders racing send each delivery once', async () => {
      await webhookRule('/race', { clientId: clientA });
      for (let i = 0; i < 30; i++) await queue(await newAlert(clientA, {}, `srv-${i}`), 'opened');
      const other = new NotificationSender(h.db, h.clock, h.services.outboundMail.settings);
      const [a, b] = await Promise.all([tick(), other.tick()]);
      expect(a.sent + b.sent).toBe(30);
      const ids = postsTo('/race').map((p) => p.headers['x-vigie-delivery']);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      const tries = await h.db.selectFrom('notification_attempts').select('delivery_id').execute();
      expect(tries).toHaveLength(30);
    });

    it('mails the rule’s addresses and the team’s members through the outbox, each in their language', async () => {
      await rule({ name: 'On call', channel: 'email', target: 'oncall@example.test', teamId: teamA });
      const alert = await newAlert(clientA);
      await queue(alert, 'opened');
      await tick();
      const mails = await h.db
        .selectFrom('mail_messages')
        .select(['recipient', 'subject', 'locale', 'kind', 'status', 'client_id', 'text_body'])
        .where('kind', '=', 'alert')
        .orderBy('recipient')
        .execute();
      const members = await h.db
        .selectFrom('team_members')
        .innerJoin('users', 'users.id', 'team_members.user_id')
        .select(['users.email', 'users.locale'])
        .where('team_id', '=', teamA)
        .execute();
      const expected = [
        // An address Vigie does not know gets the client's language (ACME: French).
        { recipient: 'oncall@example.test', locale: 'fr' },
        ...members.map((m) => ({ recipient: m.email, locale: m.locale })),
      ].sort((x, y) => x.recipient.localeCompare(y.recipient));
      expect(mails.map((m) => ({ recipient: m.recipient, locale: m.locale }))).toEqual(expected);
      for (const mail of mails) {
        expect(mail.client_id).toBe(clientA);
        expect(mail.status).toBe('held');
        expect(mail.subject).toBe(
          mail.locale === 'fr' ? '[CRITIQUE] srv-db01 — Disk / 96 %' : '[CRITICAL] srv-db01 — Disk / 96 %',
        );
        expect(mail.text_body).toContain(`/monitoring/alerts/${alert.id}`);
      }
      const [delivery] = await deliveries(`alertId=${alert.id}`);
      expect(delivery).toMatchObject({ channel: 'email', status: 'sent' });
      expect(delivery?.attemptLog[0]?.detail).toContain('oncall@example.test');
    });

    it('counts pending deliveries for the metrics', async () => {
      await webhookRule('/gauge', { clientId: clientA });
      const before = await notifications().pendingCount();
      await queue(await newAlert(clientA), 'opened');
      expect(await notifications().pendingCount()).toBe(before + 1);
      await tick();
      expect(await notifications().pendingCount()).toBe(before);
    });

    it('lets managers write rules, technicians read them, and client people neither', async () => {
      await signIn();
      const created = await webhookRule('/perm', { clientId: clientA, format: 'slack' });
      expect(created).toMatchObject({ clientId: clientA, format: 'slack', enabled: true, repeatMinutes: null });

      const seen = await technician.json<{ items: NotificationRuleView[] }>('GET', RULES);
      expect(seen.items.map((r) => r.id)).toContain(created.id);
      expect(
        (await technician.request('POST', RULES, { name: 'x', channel: 'email', target: 'a@b.test' })).status,
      ).toBe(403);
      expect((await technician.request('PATCH', `${RULES}/${created.id}`, { enabled: false })).status).toBe(403);
      for (const person of [clientManager, requester]) {
        expect((await person.request('GET', RULES)).status).toBe(403);
        expect((await person.request('GET', '/api/v1/monitoring/notifications')).status).toBe(403);
        expect((await person.request('DELETE', `${RULES}/${created.id}`)).status).toBe(403);
      }

      const patched = await manager.json<NotificationRuleView>(
        'PATCH',
        `${RULES}/${created.id}`,
        { minSeverity: 'critical', repeatMinutes: 60 },
        200,
      );
      expect(patched).toMatchObject({ minSeverity: 'critical', repeatMinutes: 60, format: 'slack', clientId: clientA });

      const trail = await h.db
        .selectFrom('audit_events')
        .select(['action', 'after'])
        .where('object_type', '=', 'notification_rule')
        .where('object_id', '=', created.id)
        .orderBy('at')
        .execute();
      expect(trail.map((t) => t.action)).toEqual(['create', 'update']);
      // The hook's path is its secret: the trail keeps where it points, not the URL.
      const audited = trail[0]?.after as { target: string } | string;
      expect(JSON.stringify(audited)).not.toContain(`${receiver.url}/perm`);
      expect(JSON.stringify(audited)).toContain(`${receiver.url}/…`);

      expect((await manager.request('DELETE', `${RULES}/${created.id}`)).status).toBe(204);
      expect((await manager.request('PATCH', `${RULES}/${created.id}`, { enabled: false })).status).toBe(404);
    });

    it('refuses a webhook that is not http(s), a bad mail address and unknown references, saying why', async () => {
      const bad = async (body: Record<string, unknown>, status: number) => {
        const response = await manager.request('POST', RULES, { name: 'bad', ...body });
        expect(response.status).toBe(status);
        return ((await response.json()) as { error: { message: string } }).error.message;
      };
      expect(await bad({ channel: 'webhook', target: 'ftp://example.test/hook' }, 400)).toBe(
        'target: a webhook needs an http:// or https:// URL',
      );
      expect(await bad({ channel: 'webhook', target: 'not a url' }, 400)).toContain('http:// or https://');
      expect(await bad({ channel: 'webhook', target: 'https://hooks.example.test/x', format: 'text' }, 400)).toContain(
        'format: a webhook posts json, slack or teams',
      );
      expect(await bad({ channel: 'email', target: 'ops@example.test, nobody' }, 400)).toBe(
        'target: not a mail address: nobody',
      );
      expect(await bad({ channel: 'email', target: '' }, 400)).toContain('at least one address, or a team');
      expect(
        await bad(
          { channel: 'email', target: 'ops@example.test', clientId: '0190b0b0-0000-7000-8000-000000000000' },
          422,
        ),
      ).toContain('clientId: no such client');
      const mail = await rule({ name: 'ops', channel: 'email', target: 'ops@example.test;  desk@example.test' });
      expect(mail).toMatchObject({ format: 'text', target: 'ops@example.test, desk@example.test' });
      const patch = await manager.request('PATCH', `${RULES}/${mail.id}`, { channel: 'webhook' });
      expect(patch.status).toBe(400);
    });
  });
}
