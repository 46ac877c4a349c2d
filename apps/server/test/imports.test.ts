import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';

interface Report {
  dryRun: boolean;
  rows: number;
  imported: number;
  problems: { line: number; column: string | null; message: string }[];
}

for (const dialect of DIALECTS) {
  describe(`CSV onboarding of assets and contacts (${dialect})`, () => {
    let h: Harness;
    let api: ApiClient;
    let clientId: string;
    const countAssets = async () =>
      (await h.db.selectFrom('assets').select('id').where('client_id', '=', clientId).execute()).length;

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      const client = await f.client();
      clientId = client.id;
      await f.site(clientId, 'Lyon HQ');
      await f.contact(clientId, { email: 'owner@client.test' });
      const tech = await f.user('admin');
      api = new ApiClient(h.baseUrl);
      await api.login(tech.email, PASSWORD);
    });
    afterAll(async () => h?.close());

    const upload = (kind: string, csv: string | Buffer, query: string) =>
      api.request('POST', `/api/v1/clients/${clientId}/imports/${kind}?${query}`, csv, { 'content-type': 'text/csv' });

    const badFile = [
      'name,type,site,criticality,owner_email,hostname,ip_address,expires_on',
      'srv-ok,server,Lyon HQ,3,owner@client.test,srv-ok,10.0.0.1,',
      'fridge,toaster,,2,,,,',
      'srv-2,server,Paris,9,nobody@client.test,,999.1.1.1,',
      '',
      'srv-ok,server,,,,,,',
      'cert,tls_certificate,,,,,,2027-02-30x',
    ].join('\n');

    it('lists every bad row with its line and column in a dry run, and writes nothing', async () => {
      const response = await upload('assets', badFile, 'dryRun=true');
      expect(response.status).toBe(200);
      const report = (await response.json()) as Report;
      expect(report).toMatchObject({ dryRun: true, rows: 5, imported: 0 });
      const found = report.problems.map((p) => `${p.line}:${p.column}`);
      expect(found).toEqual(
        expect.arrayContaining([
          '3:type',
          '4:site',
          '4:criticality',
          '4:owner_email',
          '4:ip_address',
          '6:name',
          '7:expires_on',
        ]),
      );
      expect(report.problems.every((p) => p.line !== 2)).toBe(true);
      expect(await countAssets()).toBe(0);
    });

    it('imports nothing at all when one row is bad', async () => {
      const response = await upload('assets', badFile, 'dryRun=false');
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/nothing was imported/);
      expect(await countAssets()).toBe(0);
    });

    it('imports every row of a clean file, with semicolons and typed attributes, audited', async () => {
      const csv = [
        'name;type;site;criticality;hostname;ip_address;memory_gb',
        'srv-a;server;lyon hq;4;srv-a;10.0.0.10;64,5',
        'pc-b;workstation;;1;pc-b;10.0.0.11;16',
      ].join('\r\n');
      const report = (await (await upload('assets', csv, 'dryRun=false')).json()) as Report;
      expect(report).toMatchObject({ dryRun: false, rows: 2, imported: 2, problems: [] });
      const list = (await api.get(`/api/v1/assets?clientId=${clientId}`)) as {
        items: { name: string; siteName: string | null; attributes: object }[];
      };
      expect(list.items.find((a) => a.name === 'srv-a')).toMatchObject({
        siteName: 'Lyon HQ',
        attributes: { memory_gb: 64.5, ip_address: '10.0.0.10' },
      });
      const audit = (await api.get(`/api/v1/audit?clientId=${clientId}&objectType=asset`)) as { items: unknown[] };
      expect(audit.items.length).toBe(2);
    });

    it('refuses a file that is not UTF-8 unless told its encoding, then reads the accents right', async () => {
      const latin1 = Buffer.from('name,type\nsrv-\xe9t\xe9,server\n', 'latin1');
      const refused = await upload('assets', latin1, 'dryRun=true');
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /not valid UTF-8 \(line 2\)/,
      );
      const report = (await (await upload('assets', latin1, 'dryRun=false&encoding=windows-1252')).json()) as Report;
      expect(report.imported).toBe(1);
      const list = (await api.get(`/api/v1/assets?clientId=${clientId}&q=srv-`)) as { items: { name: string }[] };
      expect(list.items.map((a) => a.name)).toContain('srv-été');
    });

    it('refuses structurally broken files with a message naming the fault', async () => {
      const cases: [string | Buffer, RegExp][] = [
        ['name,name,type\na,b,server', /appears twice/],
        ['type,site\nserver,x', /Missing column\(s\) in the header: name/],
        ['name,type\na,server,extra,cells', /Line 2 has 4 cells/],
        ['name,type\n"unclosed,server', /cannot be read/],
        ['', /empty/],
        [`last_name\n${'x\n'.repeat(50_001)}`, /50001 rows; import at most 50000/],
        [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /NUL bytes/],
      ];
      for (const [csv, message] of cases) {
        const response = await upload('assets', csv, 'dryRun=true');
        expect(response.status, String(csv)).toBe(400);
        expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
      }
    });

    it('answers 415 when the file is not sent as CSV', async () => {
      const response = await api.request('POST', `/api/v1/clients/${clientId}/imports/assets?dryRun=true`, {
        name: 'x',
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/text\/csv/);
    });

    it('imports contacts, refusing duplicate e-mails and unknown columns', async () => {
      const dup = [
        'first_name,last_name,email,site',
        'Ada,Lovelace,ada@client.test,Lyon HQ',
        'Alan,Turing,ADA@client.test,',
        'Grace,Hopper,owner@client.test,',
      ].join('\n');
      const report = (await (await upload('contacts', dup, 'dryRun=true')).json()) as Report;
      expect(report.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['3:email', '4:email']);
      const unknown = await upload('contacts', 'last_name,shoe_size\nx,42', 'dryRun=true');
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/shoe_size/);
      const ok = (await (
        await upload(
          'contacts',
          'first_name,last_name,email,is_primary\nAda,Lovelace,ada@client.test,oui',
          'dryRun=false',
        )
      ).json()) as Report;
      expect(ok.imported).toBe(1);
      const contacts = (await api.get(`/api/v1/clients/${clientId}/contacts?q=lovelace`)) as {
        items: { isPrimary: boolean }[];
      };
      expect(contacts.items).toMatchObject([{ isPrimary: true }]);
    });
  });
}
