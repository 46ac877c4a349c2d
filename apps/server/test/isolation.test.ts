import { TicketInput } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import type { Db } from '../src/db/connection.js';
import { enqueueMail } from '../src/modules/mail/outbox.repository.js';
import { insertNotifications } from '../src/modules/tickets/notifications.repository.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';
import { makePng, pngDataUrl } from './png.js';

interface Tenant {
  clientId: string;
  siteId: string;
  contactId: string;
  contractId: string;
  assetId: string;
  otherAssetId: string;
  relationId: string;
  managerId: string;
  teamId: string;
  tokenId: string;
  /** Work and knowledge: a ticket under an on-site contract with an hour bank, its time and signed visit, an article. */
  workTicketId: string;
  viewId: string;
  notificationId: string;
  onsiteContractId: string;
  timeEntryId: string;
  interventionId: string;
  articleId: string;
  /** A mail B's contact wrote (processed into a ticket of B) and a file on B's work ticket. */
  inboundMailId: string;
  attachmentId: string;
  /** An outbound mail about the work ticket (the mail log). */
  mailId: string;
  /** Supervision: an agent and its enrollment, a check with an open alert, a maintenance window, a rule and its delivery. */
  agentId: string;
  enrollmentId: string;
  checkId: string;
  alertId: string;
  windowId: string;
  ruleId: string;
  deliveryId: string;
  secretStrings: string[];
}

/** Everything stored for one client, to prove that nothing of it changed. */
async function snapshot(db: Db, clientId: string) {
  const byClient = async (
    table: 'sites' | 'contacts' | 'contracts' | 'assets' | 'asset_relations' | 'users' | 'client_mail_domains',
  ) => db.selectFrom(table).selectAll().where('client_id', '=', clientId).orderBy('client_id').execute();
  return {
    client: await db.selectFrom('clients').selectAll().where('id', '=', clientId).execute(),
    sites: await byClient('sites'),
    contacts: await byClient('contacts'),
    contracts: await byClient('contracts'),
    assets: await byClient('assets'),
    relations: await byClient('asset_relations'),
    users: await byClient('users'),
    domains: await byClient('client_mail_domains'),
    tokens: await db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('api_tokens')
      .where('users.client_id', '=', clientId)
      .execute(),
    teams: await db.selectFrom('team_clients').selectAll().where('client_id', '=', clientId).execute(),
    timeEntries: await db
      .selectFrom('time_entries')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('id')
      .execute(),
    interventions: await db
      .selectFrom('interventions')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('id')
      .execute(),
    articles: await db.selectFrom('kb_articles').selectAll().where('client_id', '=', clientId).orderBy('id').execute(),
    agents: await db.selectFrom('agents').selectAll().where('client_id', '=', clientId).orderBy('id').execute(),
    checks: await db.selectFrom('checks').selectAll().where('client_id', '=', clientId).orderBy('id').execute(),
    alerts: await db.selectFrom('alerts').selectAll().where('client_id', '=', clientId).orderBy('id').execute(),
    windows: await db
      .selectFrom('maintenance_windows')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('id')
      .execute(),
    rules: await db
      .selectFrom('notification_rules')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('id')
      .execute(),
  };
}

async function seedTenant(h: Harness, label: string): Promise<Tenant> {
  const f = factories(h.services);
  const secret = `${label}-${Math.random().toString(36).slice(2, 8)}`;
  const client = await f.client({ name: `Client ${secret}`, mailDomains: [`${secret.toLowerCase()}.test`] });
  const site = await f.site(client.id, `Site ${secret}`);
  const contact = await f.contact(client.id, { lastName: `Contact ${secret}` });
  const contract = await f.contract(client.id, { name: `Contract ${secret}` });
  const asset = await f.asset(client.id, { name: `asset-${secret}`, siteId: site.id, notes: `internal ${secret}` });
  const other = await f.asset(client.id, { name: `vm-${secret}`, type: 'virtual_machine' });
  const relation = await h.services.relations.create(systemCtx, {
    sourceId: other.id,
    kind: 'runs_on',
    targetId: asset.id,
  });
  const manager = await f.user('client_manager', client.id, { name: `Manager ${secret}` });
  const team = await h.services.teams.create(systemCtx, {
    name: `Team ${label}`,
    description: null,
    memberIds: [],
    clientIds: [client.id],
  });
  const managerCtx = {
    actor: {
      ...systemCtx.actor,
      userId: manager.id,
      name: manager.name,
      role: 'client_manager' as const,
      clientId: client.id,
    },
    requestId: null,
  };
  const token = await h.services.tokens.create(managerCtx, {
    name: `token ${secret}`,
    scopes: ['read', 'write'],
    expiresInDays: 30,
  });
  const onsite = await f.contract(client.id, {
    name: `Onsite ${secret}`,
    delivery: 'onsite',
    startsOn: '2025-12-01',
    hourBank: { hours: 10, warningPercent: 80, rollover: 'none', period: 'month' },
  } as never);
  const worker = await f.user('technician', null, { name: `Tech ${label}` });
  const workerCtx = {
    actor: {
      ...systemCtx.actor,
      userId: worker.id,
      name: worker.name,
      role: 'technician' as const,
      teamClientIds: [client.id],
    },
    requestId: null,
  };
  const workTicket = await h.services.tickets.create(
    workerCtx,
    TicketInput.parse({ clientId: client.id, title: `Work ${secret}`, description: `Visit ${secret}` }),
  );
  const timeEntry = await h.services.timeEntries.create(workerCtx, workTicket.id, {
    minutes: 30,
    billable: true,
    note: `Time ${secret}`,
  });
  const visit = await h.services.interventions.create(workerCtx, workTicket.id, {
    siteId: site.id,
    scheduledStart: '2026-03-02T10:00:00+01:00',
    durationMinutes: 60,
    travelMinutes: 15,
  });
  await h.services.interventions.report(workerCtx, visit.id, {
    report: `Report ${secret}`,
    durationMinutes: 60,
    travelMinutes: 15,
    signedBy: `Signer ${secret}`,
    signaturePng: pngDataUrl(makePng(60, 20)),
  });
  const article = await h.services.knowledge.create(workerCtx, {
    clientId: client.id,
    title: `Article ${secret}`,
    body: `How-to ${secret}`,
    visibility: 'public',
    tags: [],
  });
  const view = await h.services.desk.saveView(managerCtx, { name: `View ${secret}`, query: { q: secret } });
  await insertNotifications(h.db, [manager.id], {
    ticketId: workTicket.id,
    kind: 'client_reply',
    text: `Notice ${secret}`,
    at: new Date().toISOString(),
  });
  const [notification] = (await h.services.desk.notifications(managerCtx, { limit: 1 })).items;
  const inbound = await h.services.mailIntake.store(
    Buffer.from(
      `From: ${contact.email}\r\nTo: support@vigie.local\r\nSubject: Inbound ${secret}\r\nMessage-ID: <in.${secret}@example.test>\r\n\r\nMail ${secret}\r\n`,
    ),
    'smtp',
    contact.email,
  );
  await h.services.mailIntake.process(inbound.id);
  const [file] = await h.services.attachments.upload(
    workerCtx,
    workTicket.id,
    [{ fileName: `file-${secret}.txt`, contentType: 'text/plain', content: Buffer.from(`File ${secret}`) }],
    false,
  );
  const mail = await enqueueMail(
    h.db,
    {
      kind: 'reply',
      to: [{ address: `${secret.toLowerCase()}@example.test` }],
      locale: 'fr',
      subject: `Mail ${secret}`,
      text: `Body ${secret}`,
      html: `<p>Body ${secret}</p>`,
      ticketId: workTicket.id,
      clientId: client.id,
    },
    { supportAddress: 'support@vigie.local', now: new Date(), held: true },
  );
  const monitoring = await seedMonitoring(h, client.id, asset.id, secret);
  return {
    ...monitoring,
    viewId: view.id,
    notificationId: notification?.id ?? '',
    workTicketId: workTicket.id,
    onsiteContractId: onsite.id,
    timeEntryId: timeEntry.id,
    interventionId: visit.id,
    articleId: article.id,
    inboundMailId: inbound.id,
    attachmentId: file?.id ?? '',
    mailId: mail.id,
    clientId: client.id,
    siteId: site.id,
    contactId: contact.id,
    contractId: contract.id,
    assetId: asset.id,
    otherAssetId: other.id,
    relationId: relation.id,
    managerId: manager.id,
    teamId: team.id,
    tokenId: token.token.id,
    // Teams are the provider's own structure: their ids are not client data, so they are walked but not searched for.
    secretStrings: [
      client.id,
      site.id,
      contact.id,
      contract.id,
      asset.id,
      other.id,
      relation.id,
      manager.id,
      token.token.id,
      secret,
      workTicket.id,
      onsite.id,
      timeEntry.id,
      visit.id,
      article.id,
      view.id,
      notification?.id ?? secret,
      inbound.id,
      file?.id ?? secret,
      mail.id,
      monitoring.agentId,
      monitoring.enrollmentId,
      monitoring.checkId,
      monitoring.alertId,
      monitoring.windowId,
      monitoring.ruleId,
      monitoring.deliveryId,
    ],
  };
}

/** B's supervision: an enrolled agent, a check in a hard problem (its alert and ticket), a window, a rule and its delivery. */
async function seedMonitoring(h: Harness, clientId: string, assetId: string, secret: string) {
  const monitoring = h.services.monitoring;
  const enrollment = await monitoring.agents.createEnrollment(systemCtx, { clientId, label: `Walk ${secret}` });
  const enrolled = await monitoring.agentApi.enroll({
    token: enrollment.token,
    hostname: `host-${secret}`,
    os: { name: 'Debian' },
    agentVersion: '1.0.0',
  });
  const rule = await monitoring.notifications.createRule(systemCtx, {
    name: `Rule ${secret}`,
    clientId,
    teamId: null,
    minSeverity: 'warning',
    channel: 'webhook',
    target: 'http://127.0.0.1:9/hook',
    format: 'json',
    repeatMinutes: null,
    enabled: true,
  });
  const check = await monitoring.checks.create(systemCtx, {
    assetId,
    name: `Check ${secret}`,
    config: { kind: 'tcp', host: '127.0.0.1', port: 9 },
    maxAttempts: 1,
  });
  await h.db
    .transaction()
    .execute((trx) =>
      monitoring.engine.apply(trx, [
        { checkId: check.id, status: 'critical', output: `Down ${secret}`, at: h.clock.now(), latencyMs: null },
      ]),
    );
  const alert = await h.db.selectFrom('alerts').select('id').where('check_id', '=', check.id).executeTakeFirstOrThrow();
  const delivery = await h.db
    .selectFrom('notification_deliveries')
    .select('id')
    .where('alert_id', '=', alert.id)
    .executeTakeFirstOrThrow();
  const window = await monitoring.maintenance.create(systemCtx, {
    clientId,
    scope: 'asset',
    scopeId: assetId,
    title: `Window ${secret}`,
    startsAt: h.clock.now().toISOString(),
    durationMinutes: 60,
  });
  return {
    agentId: enrolled.agentId,
    enrollmentId: enrollment.id,
    checkId: check.id,
    alertId: alert.id,
    windowId: window.id,
    ruleId: rule.id,
    deliveryId: delivery.id,
  };
}

/** Which of B's resources a path parameter names; a parameter missing here fails the walk so new routes get mapped. */
function paramValue(name: string, b: Tenant): string[] {
  const map: Record<string, string[]> = {
    clientId: [b.clientId],
    siteId: [b.siteId],
    contactId: [b.contactId],
    contractId: [b.contractId],
    assetId: [b.assetId],
    relationId: [b.relationId],
    userId: [b.managerId],
    teamId: [b.teamId],
    tokenId: [b.tokenId],
    ticketId: [b.workTicketId],
    timeEntryId: [b.timeEntryId],
    interventionId: [b.interventionId],
    articleId: [b.articleId],
    viewId: [b.viewId],
    notificationId: [b.notificationId],
    inboundMailId: [b.inboundMailId],
    attachmentId: [b.attachmentId],
    mailId: [b.mailId],
    agentId: [b.agentId],
    enrollmentId: [b.enrollmentId],
    checkId: [b.checkId],
    alertId: [b.alertId],
    windowId: [b.windowId],
    ruleId: [b.ruleId],
    deliveryId: [b.deliveryId],
    // Provider-wide, like vendors: not client data; writes are refused to everyone but managers.
    categoryId: [],
    vendorId: [],
    kind: ['assets', 'contacts'],
  };
  const values = map[name];
  if (!values)
    throw new Error(`the isolation walk does not know path parameter "${name}": map it to a resource of client B`);
  return values;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  anyOf?: JsonSchema[];
  const?: unknown;
};

/** A body that passes validation where it can, aimed at B's resources, so that only authorization stands in the way. */
function sampleBody(schema: JsonSchema | undefined, b: Tenant, key = ''): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sampleBody(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], b, key);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (schema.required?.includes(name) || name.endsWith('Id')) out[name] = sampleBody(property, b, name);
    }
    return out;
  }
  if (type === 'array')
    return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sampleBody(schema.items, b, key));
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return false;
  if (schema.format === 'uuid') {
    const ids: Record<string, string> = {
      clientId: b.clientId,
      siteId: b.siteId,
      sourceId: b.otherAssetId,
      targetId: b.assetId,
      ownerContactId: b.contactId,
    };
    return ids[key] ?? b.clientId;
  }
  if (schema.format === 'email') return 'walker@example.test';
  if (schema.format === 'date') return '2026-06-01';
  if (key === 'code') return 'WALK';
  if (key === 'password') return 'a-long-enough-password';
  return 'walk';
}

for (const dialect of DIALECTS) {
  describe(`tenant isolation walk over the OpenAPI document (${dialect})`, () => {
    let h: Harness;
    let a: Tenant;
    let b: Tenant;
    let paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;

    beforeAll(async () => {
      h = await startHarness(dialect);
      a = await seedTenant(h, 'ALPHA');
      b = await seedTenant(h, 'BRAVO');
      paths = ((await (await fetch(`${h.baseUrl}/api/openapi.json`)).json()) as { paths: typeof paths }).paths;
    });
    afterAll(async () => h?.close());

    async function actorsOfA(): Promise<[string, ApiClient][]> {
      const f = factories(h.services);
      const actors: [string, ApiClient][] = [];
      for (const role of ['client_manager', 'client_it', 'requester'] as const) {
        const user = await f.user(role, a.clientId);
        const api = new ApiClient(h.baseUrl);
        expect((await api.login(user.email, PASSWORD)).status).toBe(200);
        actors.push([role, api]);
      }
      const technician = await f.user('technician');
      await h.services.teams.update(systemCtx, a.teamId, { memberIds: [technician.id] });
      const tech = new ApiClient(h.baseUrl);
      expect((await tech.login(technician.email, PASSWORD)).status).toBe(200);
      actors.push(['technician of A', tech]);
      const token = await h.services.tokens.create(
        {
          actor: { ...systemCtx.actor, userId: a.managerId, name: 'A', role: 'client_manager', clientId: a.clientId },
          requestId: null,
        },
        { name: 'walk', scopes: ['read', 'write'], expiresInDays: 1 },
      );
      actors.push(['API token of A', ApiClient.withToken(h.baseUrl, token.secret)]);
      return actors;
    }

    it('covers every route, and nothing of client B is returned or changed', async () => {
      const before = await snapshot(h.db, b.clientId);
      const actors = await actorsOfA();
      const leaks: string[] = [];
      let calls = 0;
      for (const [path, operations] of Object.entries(paths)) {
        if (!path.startsWith('/api/v1/') || path === '/api/v1/auth/login' || path === '/api/v1/auth/logout') continue;
        // The live board's event stream never ends; what it sends is filtered by the viewer's scope (monitoring-stream test).
        if (path === '/api/v1/monitoring/stream') continue;
        for (const [method, operation] of Object.entries(operations)) {
          const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
          let urls = [path];
          for (const name of names)
            urls = urls.flatMap((u) => paramValue(name, b).map((v) => u.replace(`{${name}}`, v)));
          const withQuery = method === 'get' ? urls.flatMap((u) => [u, `${u}?clientId=${b.clientId}`]) : urls;
          const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
          const csvBody = operation.requestBody?.content?.['text/csv'] ? 'name,type\nwalk,server\n' : undefined;
          for (const url of withQuery) {
            for (const [who, api] of actors) {
              const body = csvBody ?? sampleBody(jsonSchema, b);
              const headers: Record<string, string> = csvBody ? { 'content-type': 'text/csv' } : {};
              const target = csvBody ? `${url}?dryRun=false` : url;
              const response = await api.request(method.toUpperCase(), target, body, headers);
              calls++;
              const text = await response.text();
              const leaked = b.secretStrings.filter((s) => text.includes(s));
              const aimsAtB = b.secretStrings.some((id) => url.includes(id) || JSON.stringify(body ?? '').includes(id));
              if (response.status < 300 && method !== 'get' && aimsAtB)
                leaks.push(`${who} ${method} ${url} answered ${response.status}`);
              if (leaked.length > 0) leaks.push(`${who} ${method} ${url} returned ${leaked.join(', ')}`);
            }
          }
        }
      }
      expect(leaks).toEqual([]);
      expect(calls).toBeGreaterThan(100);
      expect(await snapshot(h.db, b.clientId)).toEqual(before);
    });

    it("B's own manager does reach those resources (the walk aims at real ids)", async () => {
      const user = await factories(h.services).user('client_manager', b.clientId);
      const api = new ApiClient(h.baseUrl);
      await api.login(user.email, PASSWORD);
      for (const path of [
        `/api/v1/clients/${b.clientId}`,
        `/api/v1/assets/${b.assetId}`,
        `/api/v1/contracts/${b.contractId}`,
        `/api/v1/sites/${b.siteId}`,
        `/api/v1/assets/${b.assetId}/impact`,
        `/api/v1/tickets/${b.workTicketId}/time-entries`,
        `/api/v1/tickets/${b.workTicketId}/interventions`,
        `/api/v1/tickets/${b.workTicketId}/attachments`,
        `/api/v1/attachments/${b.attachmentId}/content`,
        `/api/v1/tickets/${b.workTicketId}/kb-suggestions`,
        `/api/v1/contracts/${b.onsiteContractId}/hour-bank`,
        `/api/v1/interventions/${b.interventionId}`,
        `/api/v1/interventions/${b.interventionId}/report.pdf`,
        `/api/v1/kb/articles/${b.articleId}`,
      ]) {
        expect((await api.request('GET', path)).status, path).toBe(200);
      }
      const assets = await api.get('/api/v1/assets');
      expect(JSON.stringify(assets)).toContain(b.assetId);
      expect(JSON.stringify(assets)).not.toContain(a.assetId);
    });
  });
}
