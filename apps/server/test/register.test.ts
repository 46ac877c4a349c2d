import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';

type Json = Record<string, unknown> & { id: string };

const calendar = {
  timeZone: 'Europe/Paris',
  alwaysOpen: false,
  weekly: [1, 2, 3, 4, 5].flatMap((day) => [
    { day, start: '08:30', end: '12:00' },
    { day, start: '13:30', end: '18:00' },
  ]),
  holidayRegion: 'FR-57',
  closedDays: ['2026-12-24'],
};

for (const dialect of DIALECTS) {
  describe(`clients, contracts and assets through the API (${dialect})`, () => {
    let h: Harness;
    let admin: ApiClient;
    beforeAll(async () => {
      h = await startHarness(dialect);
      const user = await factories(h.services).user('admin');
      admin = new ApiClient(h.baseUrl);
      await admin.login(user.email, PASSWORD);
    });
    afterAll(async () => h?.close());

    async function newClient(code: string) {
      return admin.json<Json>('POST', '/api/v1/clients', {
        code,
        name: `Client ${code}`,
        legalName: `Client ${code} SAS`,
        mailDomains: [`${code.toLowerCase()}.example`],
        notes: 'pays late',
      });
    }

    it('creates a client and records the change with its actor in the audit trail', async () => {
      const client = await newClient('ALPHA');
      expect(client).toMatchObject({
        code: 'ALPHA',
        timeZone: 'Europe/Paris',
        locale: 'fr',
        active: true,
        mailDomains: ['alpha.example'],
      });
      const audit = await admin.get(`/api/v1/audit?objectId=${client.id}`);
      expect(audit).toMatchObject({ items: [{ action: 'create', objectType: 'client', after: { code: 'ALPHA' } }] });
    });

    it('updates only the fields sent and audits the difference', async () => {
      const client = await newClient('PATCHME');
      const updated = await admin.json<Json>('PATCH', `/api/v1/clients/${client.id}`, { phone: '+33 1 23 45 67 89' });
      expect(updated).toMatchObject({
        phone: '+33 1 23 45 67 89',
        mailDomains: ['patchme.example'],
        notes: 'pays late',
        locale: 'fr',
      });
      const audit = (await admin.get(`/api/v1/audit?objectId=${client.id}&action=update`)) as {
        items: { before: object; after: object }[];
      };
      expect(audit.items[0]?.before).toEqual({ phone: null });
      expect(audit.items[0]?.after).toEqual({ phone: '+33 1 23 45 67 89' });
    });

    it('refuses a duplicate code, a mail domain of another client and an unknown time zone, writing nothing', async () => {
      await newClient('DUPE');
      expect((await admin.request('POST', '/api/v1/clients', { code: 'dupe', name: 'x', legalName: 'x' })).status).toBe(
        409,
      );
      const domain = await admin.request('POST', '/api/v1/clients', {
        code: 'OTHER',
        name: 'x',
        legalName: 'x',
        mailDomains: ['dupe.example'],
      });
      expect(domain.status).toBe(422);
      expect(JSON.stringify(await domain.json())).toContain('already belongs to another client');
      const zone = await admin.request('POST', '/api/v1/clients', {
        code: 'ZONE',
        name: 'x',
        legalName: 'x',
        timeZone: 'Europe/Atlantis',
      });
      expect(zone.status).toBe(422);
      expect(await h.db.selectFrom('clients').select('code').where('code', 'in', ['OTHER', 'ZONE']).execute()).toEqual(
        [],
      );
    });

    it('names the field of a wrong type or an unknown enum value', async () => {
      const wrongType = await admin.request('POST', '/api/v1/clients', { code: 'TYPED', name: 42, legalName: 'x' });
      expect(wrongType.status).toBe(400);
      expect(await wrongType.json()).toMatchObject({
        error: { code: 'validation', details: [{ path: ['name'] }] },
      });
      const client = await newClient('ENUMS');
      const badEnum = await admin.request('POST', '/api/v1/assets', {
        clientId: client.id,
        name: 'x',
        type: 'toaster',
      });
      expect(badEnum.status).toBe(400);
      expect(JSON.stringify(await badEnum.json())).toContain('"type"');
    });

    it('keeps a contract with its business calendar and derives the entry level', async () => {
      const client = await newClient('PARTIAL');
      const contract = await admin.json<Json>('POST', `/api/v1/clients/${client.id}/contracts`, {
        reference: 'PARTIAL-1',
        name: 'N2/N3 on site',
        kind: 'partial',
        delivery: 'onsite',
        scopeDomains: ['servers', 'network'],
        supportLevels: [3, 2],
        calendar,
        hourBank: { hours: 40 },
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        renewalNoticeDays: 60,
      });
      expect(contract).toMatchObject({
        supportLevels: [2, 3],
        entryLevel: 2,
        levelsKeptByClient: [1],
        renewalNoticeOn: '2026-11-01',
        calendar: { holidayRegion: 'FR-57', closedDays: ['2026-12-24'] },
        hourBank: { hours: 40, warningPercent: 80 },
        slaPolicy: { warningPercent: 75, targets: { P1: { aroundTheClock: true } } },
      });
      const fetched = await admin.get(`/api/v1/contracts/${contract.id}`);
      expect(fetched).toMatchObject({ calendar: { weekly: calendar.weekly } });
    });

    it('refuses broken calendars and SLA targets, naming each problem', async () => {
      const client = await newClient('BROKEN');
      const response = await admin.request('POST', `/api/v1/clients/${client.id}/contracts`, {
        reference: 'BROKEN-1',
        name: 'x',
        kind: 'total',
        delivery: 'remote',
        scopeDomains: ['servers'],
        supportLevels: [1],
        startsOn: '2026-01-01',
        calendar: {
          timeZone: 'Europe/Nowhere',
          weekly: [
            { day: 1, start: '09:00', end: '12:00' },
            { day: 1, start: '11:00', end: '13:00' },
            { day: 2, start: '18:00', end: '08:00' },
          ],
          holidayRegion: 'XX-99',
        },
        slaPolicy: {
          targets: {
            P1: { ttoMinutes: 0, ttrMinutes: 60 },
            P2: { ttoMinutes: 60, ttrMinutes: 30 },
            P3: { ttoMinutes: 60, ttrMinutes: 600 },
            P4: { ttoMinutes: 60, ttrMinutes: 600 },
          },
        },
      });
      expect(response.status).toBe(422);
      const paths = ((await response.json()) as { error: { details: { path: unknown[] }[] } }).error.details.map((d) =>
        d.path.join('.'),
      );
      expect(paths).toEqual(
        expect.arrayContaining([
          'calendar.timeZone',
          'calendar.holidayRegion',
          'calendar.weekly.1',
          'calendar.weekly.2',
          'slaPolicy.targets.P1.ttoMinutes',
          'slaPolicy.targets.P2.ttrMinutes',
        ]),
      );
      const empty = await admin.request('POST', `/api/v1/clients/${client.id}/contracts`, {
        reference: 'BROKEN-2',
        name: 'x',
        kind: 'total',
        delivery: 'remote',
        scopeDomains: ['servers'],
        supportLevels: [1],
        startsOn: '2026-01-01',
        calendar: { timeZone: 'Europe/Paris', weekly: [] },
      });
      expect(empty.status).toBe(422);
      expect(JSON.stringify(await empty.json())).toContain('needs opening hours');
      expect(await h.db.selectFrom('contracts').select('id').where('client_id', '=', client.id).execute()).toEqual([]);
    });

    it('relates assets and answers everything that depends on one, directly or not', async () => {
      const client = await newClient('IMPACT');
      const make = (name: string, type: string) =>
        admin.json<Json>('POST', '/api/v1/assets', { clientId: client.id, name, type });
      const router = await make('router', 'router');
      const host = await make('esx-1', 'server');
      const vm = await make('vm-erp', 'virtual_machine');
      const db = await make('db-erp', 'database');
      const app = await make('erp', 'business_software');
      const backup = await make('backup-repo', 'backup_repository');
      const relate = (sourceId: string, kind: string, targetId: string) =>
        admin.json('POST', '/api/v1/asset-relations', { sourceId, kind, targetId });
      await relate(host.id, 'connected_to', router.id);
      await relate(vm.id, 'runs_on', host.id);
      await relate(db.id, 'runs_on', vm.id);
      await relate(app.id, 'depends_on', db.id);
      await relate(backup.id, 'backs_up', vm.id);
      const impact = (await admin.get(`/api/v1/assets/${router.id}/impact`)) as {
        impacted: { asset: { name: string }; depth: number; via: string }[];
      };
      expect(impact.impacted.map((i) => [i.asset.name, i.depth, i.via])).toEqual([
        ['esx-1', 1, 'connected_to'],
        ['vm-erp', 2, 'runs_on'],
        ['db-erp', 3, 'runs_on'],
        ['erp', 4, 'depends_on'],
      ]);
      const backupImpact = (await admin.get(`/api/v1/assets/${backup.id}/impact`)) as {
        impacted: { asset: { name: string } }[];
      };
      expect(backupImpact.impacted.map((i) => i.asset.name)).toEqual(['vm-erp', 'db-erp', 'erp']);
      expect(
        (
          await admin.request('POST', '/api/v1/asset-relations', {
            sourceId: host.id,
            kind: 'runs_on',
            targetId: vm.id,
          })
        ).status,
      ).toBe(422);
      expect(
        (
          await admin.request('POST', '/api/v1/asset-relations', {
            sourceId: vm.id,
            kind: 'runs_on',
            targetId: host.id,
          })
        ).status,
      ).toBe(409);
      const other = await newClient('ELSEWHERE');
      const foreign = await admin.json<Json>('POST', '/api/v1/assets', {
        clientId: other.id,
        name: 'foreign',
        type: 'server',
      });
      expect(
        (
          await admin.request('POST', '/api/v1/asset-relations', {
            sourceId: vm.id,
            kind: 'depends_on',
            targetId: foreign.id,
          })
        ).status,
      ).toBe(422);
      expect((await admin.request('DELETE', `/api/v1/assets/${host.id}`)).status).toBe(204);
      const left = (await admin.get(`/api/v1/assets/${vm.id}/relations`)) as {
        items: { kind: string; source: { name: string } }[];
      };
      expect(left.items.map((r) => `${r.source.name} ${r.kind}`).sort()).toEqual([
        'backup-repo backs_up',
        'db-erp runs_on',
      ]);
    });

    it('checks typed attributes and pages through a filtered list with a cursor', async () => {
      const client = await newClient('PAGES');
      const bad = await admin.request('POST', '/api/v1/assets', {
        clientId: client.id,
        name: 'cert',
        type: 'tls_certificate',
        attributes: { expires_on: 'soon', cpu_cores: 4 },
      });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toMatch(/expires_on.*date.*cpu_cores.*unknown attribute/s);
      for (let i = 0; i < 7; i++) {
        await admin.json('POST', '/api/v1/assets', {
          clientId: client.id,
          name: `pc-${i}`,
          type: 'workstation',
          attributes: { ip_address: `10.0.0.${i}` },
        });
      }
      await admin.json('POST', '/api/v1/assets', { clientId: client.id, name: 'printer', type: 'printer' });
      const names: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page = (await admin.get(
          `/api/v1/assets?clientId=${client.id}&type=workstation&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        )) as {
          items: { name: string }[];
          nextCursor: string | null;
        };
        names.push(...page.items.map((a) => a.name));
        cursor = page.nextCursor;
      }
      expect(names).toEqual(['pc-0', 'pc-1', 'pc-2', 'pc-3', 'pc-4', 'pc-5', 'pc-6']);
      const search = (await admin.get(`/api/v1/assets?clientId=${client.id}&q=PC-5`)) as { items: { name: string }[] };
      expect(search.items.map((a) => a.name)).toEqual(['pc-5']);
      expect((await admin.request('GET', '/api/v1/assets?cursor=garbage')).status).toBe(400);
    });

    it('refuses to delete a client that still has records, and archives it instead', async () => {
      const client = await newClient('KEEP');
      await admin.json('POST', `/api/v1/clients/${client.id}/sites`, { name: 'HQ' });
      const refused = await admin.request('DELETE', `/api/v1/clients/${client.id}`);
      expect(refused.status).toBe(409);
      expect(JSON.stringify(await refused.json())).toContain('1 sites');
      expect(await admin.json('PATCH', `/api/v1/clients/${client.id}`, { active: false })).toMatchObject({
        active: false,
      });
      const active = (await admin.get('/api/v1/clients?active=true&limit=200')) as { items: { id: string }[] };
      expect(active.items.map((c) => c.id)).not.toContain(client.id);
    });

    it('hides provider notes from client people', async () => {
      const client = await newClient('NOTES');
      const asset = await admin.json<Json>('POST', '/api/v1/assets', {
        clientId: client.id,
        name: 'srv',
        type: 'server',
        notes: 'root password in vault 7',
      });
      const manager = await factories(h.services).user('client_manager', client.id);
      const api = new ApiClient(h.baseUrl);
      await api.login(manager.email, PASSWORD);
      const seen = JSON.stringify([
        await api.get(`/api/v1/assets/${asset.id}`),
        await api.get(`/api/v1/clients/${client.id}`),
      ]);
      expect(seen).not.toContain('vault 7');
      await admin.json('PATCH', `/api/v1/assets/${asset.id}`, { notes: 'margin 40%' });
      const trail = JSON.stringify(await api.get(`/api/v1/audit?objectId=${asset.id}`));
      expect(trail).toContain('"action":"update"');
      expect(trail).not.toContain('margin 40%');
      expect(trail).not.toContain('vault 7');
      expect(seen).not.toContain('pays late');
      expect((await api.request('PATCH', `/api/v1/clients/${client.id}`, { name: 'mine now' })).status).toBe(403);
      const contact = await admin.json<Json>('POST', `/api/v1/clients/${client.id}/contacts`, {
        lastName: 'Durand',
        notes: 'prefers phone',
      });
      await api.json('PATCH', `/api/v1/contacts/${contact.id}`, {
        notes: 'overwritten by the client',
        jobTitle: 'CFO',
      });
      expect(await admin.get(`/api/v1/contacts/${contact.id}`)).toMatchObject({
        notes: 'prefers phone',
        jobTitle: 'CFO',
      });
    });

    it('says "Client not found" when adding to a client out of reach, and fills a calendar given only its zone', async () => {
      const mine = await newClient('MINE');
      const theirs = await newClient('THEIRS');
      const manager = await factories(h.services).user('client_manager', mine.id);
      const api = new ApiClient(h.baseUrl);
      await api.login(manager.email, PASSWORD);
      const response = await api.request('POST', `/api/v1/clients/${theirs.id}/contacts`, { lastName: 'Intruder' });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { message: 'Client not found' } });
      const contract = await admin.json('POST', `/api/v1/clients/${mine.id}/contracts`, {
        reference: 'MINE-1',
        name: 'x',
        kind: 'total',
        delivery: 'remote',
        scopeDomains: ['servers'],
        supportLevels: [1],
        startsOn: '2026-01-01',
        calendar: { timeZone: 'Europe/London' },
      });
      expect(contract).toMatchObject({
        calendar: {
          timeZone: 'Europe/London',
          weekly: expect.arrayContaining([{ day: 1, start: '09:00', end: '12:30' }]),
        },
      });
    });

    it('accepts a DELETE sent with a JSON content type and no body', async () => {
      const vendor = await admin.json<Json>('POST', `/api/v1/clients`, {
        code: 'GONE',
        name: 'Gone',
        legalName: 'Gone SAS',
      });
      const response = await admin.request('DELETE', `/api/v1/clients/${vendor.id}`, undefined, {
        'content-type': 'application/json',
      });
      expect(response.status).toBe(204);
    });

    it('answers 413 for an oversized body and 404 in the same format for unknown routes', async () => {
      const huge = await admin.request('POST', '/api/v1/vendors', { name: 'x', notes: 'y'.repeat(2 * 1024 * 1024) });
      expect(huge.status).toBe(413);
      expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      const unknown = await admin.request('GET', '/api/v1/does-not-exist');
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
      const malformed = await admin.request('POST', '/api/v1/vendors', '{"name":', {
        'content-type': 'application/json',
      });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: { code: 'malformed_json' } });
    });
  });
}
