import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { systemCtx } from '../src/core/actor.js';
import { ManualClock } from '../src/core/clock.js';
import type { Db } from '../src/db/connection.js';
import { type Running, startServer } from '../src/main.js';
import { ReportScheduler } from '../src/modules/reports/report-scheduler.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './databases.js';
import { factories } from './factories.js';
import { type Harness, startHarness } from './harness.js';

const reportMails = async (db: Db, clientId: string) =>
  db
    .selectFrom('mail_messages')
    .select(['subject', 'locale', 'created_at'])
    .where('kind', '=', 'report')
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .orderBy('subject')
    .execute();

/**
 * The scheduled send: 08:00 Paris time on the first business day of the month (main contract calendar: Monday to
 * Friday, French holidays), never before, once per client and month.
 */
for (const dialect of DIALECTS) {
  describe(`scheduled send of the monthly report (${dialect})`, () => {
    let h: Harness;
    let scheduler: ReportScheduler;
    let clientId: string;
    let lateClientId: string;
    let noContractId: string;

    beforeAll(async () => {
      h = await startHarness(dialect);
      h.clock.set(new Date('2026-07-15T08:00:00Z'));
      const f = factories(h.services);
      const client = await f.client({ name: 'Clinique des Tilleuls', timeZone: 'Europe/Paris' });
      clientId = client.id;
      await f.contract(client.id, { startsOn: '2026-01-01' });
      await f.user('client_manager', client.id, { name: 'Sandrine Roux', locale: 'fr' });
      await f.user('client_manager', client.id, { name: 'Sam Reed', locale: 'en' });
      await f.user('requester', client.id);
      // Without a contract: Monday to Friday in its zone, no holidays.
      const noContract = await f.client({ name: 'Sans Contrat', timeZone: 'Europe/Paris' });
      noContractId = noContract.id;
      await f.user('client_manager', noContract.id);
      // A client without a client manager is owed nothing.
      await f.client({ name: 'Personne' });
      h.clock.set(new Date('2026-08-02T08:00:00Z'));
      // Created after July ended: no report of July.
      const late = await f.client({ name: 'Arrivée Tardive', timeZone: 'Europe/Paris' });
      lateClientId = late.id;
      await f.contract(late.id, { startsOn: '2026-08-01' });
      await f.user('client_manager', late.id);
      scheduler = new ReportScheduler(h.db, h.clock, h.services.reports);
    });
    afterAll(async () => h?.close());

    it('waits for 08:00 on the first business day when the 1st is a Saturday', async () => {
      h.clock.set(new Date('2026-08-01T07:00:00Z')); // Saturday 1 August, 09:00 Paris
      expect(await scheduler.tick()).toBe(0);
      h.clock.set(new Date('2026-08-03T05:59:00Z')); // Monday 07:59 Paris
      expect(await scheduler.tick()).toBe(0);
      h.clock.set(new Date('2026-08-03T06:00:00Z')); // Monday 08:00 Paris
      expect(await scheduler.tick()).toBe(2);
      const mails = await reportMails(h.db, clientId);
      expect(mails.map((m) => [m.subject, m.locale])).toEqual([
        ['Rapport SLA juillet 2026 — Clinique des Tilleuls', 'fr'],
        ['SLA report July 2026 — Clinique des Tilleuls', 'en'],
      ]);
      expect(await reportMails(h.db, noContractId)).toHaveLength(1);
      expect(await reportMails(h.db, lateClientId)).toEqual([]);
      // Later passes, the same day or later in the month, send nothing again.
      expect(await scheduler.tick()).toBe(0);
      h.clock.set(new Date('2026-08-20T10:00:00Z'));
      expect(await scheduler.tick()).toBe(0);
      const sends = await h.db.selectFrom('report_sends').selectAll().where('client_id', '=', clientId).execute();
      expect(sends).toEqual([
        expect.objectContaining({ month: '2026-07', sent_at: '2026-08-03T06:00:00.000Z', mail_id: expect.any(String) }),
      ]);
    });

    it('skips a public holiday: 1 January 2027 is a Friday, the report goes on Monday 4 January', async () => {
      h.clock.set(new Date('2027-01-01T08:00:00Z'));
      const before = (await reportMails(h.db, clientId)).length;
      // The client without a contract counts no holiday: it gets its report on the 1st.
      expect(await scheduler.tick()).toBe(1);
      expect(await reportMails(h.db, clientId)).toHaveLength(before);
      h.clock.set(new Date('2027-01-04T06:59:00Z'));
      expect(await scheduler.tick()).toBe(0);
      h.clock.set(new Date('2027-01-04T07:00:00Z')); // 08:00 Paris in winter
      expect(await scheduler.tick()).toBe(2); // the clinic and the late client, both on the French calendar
      expect((await reportMails(h.db, clientId)).map((m) => m.subject)).toContain(
        'Rapport SLA décembre 2026 — Clinique des Tilleuls',
      );
    });

    it('sends once when two schedulers run at the same moment', async () => {
      h.clock.set(new Date('2027-02-01T07:00:00Z')); // Monday 1 February, 08:00 Paris
      const other = new ReportScheduler(h.db, h.clock, h.services.reports);
      const counts = await Promise.all([scheduler.tick(), other.tick()]);
      expect(counts[0] + counts[1]).toBe(3);
      const mails = await h.db
        .selectFrom('mail_messages')
        .select('client_id')
        .where('kind', '=', 'report')
        .where('created_at', '=', '2027-02-01T07:00:00.000Z')
        .execute();
      // Four managers: two at the clinic, one at each of the two other clients.
      expect(mails).toHaveLength(4);
      const january = await h.db
        .selectFrom('report_sends')
        .select('client_id')
        .where('month', '=', '2027-01')
        .execute();
      expect(january).toHaveLength(3);
    });

    it('keeps a send by hand as the month’s send, so the schedule does not repeat it', async () => {
      h.clock.set(new Date('2027-02-20T10:00:00Z'));
      const client = await factories(h.services).client({ name: 'Envoi Manuel', timeZone: 'Europe/Paris' });
      await factories(h.services).user('client_manager', client.id);
      h.clock.set(new Date('2027-03-01T06:00:00Z'));
      await h.services.reports.send(systemCtx, client.id, '2027-02');
      h.clock.set(new Date('2027-03-01T08:00:00Z'));
      expect(await scheduler.tick()).toBe(3); // the three others, not this one again
      expect(await reportMails(h.db, client.id)).toHaveLength(1);
    });
  });
}

/** Two server processes on one PostgreSQL database: each client's month goes out once. */
describe.runIf(process.env.VIGIE_TEST_PG_URL)('scheduled report send with two server instances on PostgreSQL', () => {
  let database: TestDatabase;
  const clock = new ManualClock(new Date('2026-09-10T08:00:00Z'));
  let first: Running;
  let second: Running;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    if (database.database.kind !== 'postgres') throw new Error('postgres expected');
    const config = loadConfig({
      DATABASE_URL: database.database.url,
      VIGIE_HTTP_HOST: '127.0.0.1',
      VIGIE_HTTP_PORT: '0',
      VIGIE_DEMO: 'off',
      VIGIE_ADMIN_PASSWORD: 'first admin password',
      VIGIE_LOG_LEVEL: 'silent',
      VIGIE_WEB_DIR: '/nonexistent',
    });
    first = await startServer(config, { clock, logger: false, scheduler: false, mail: false });
    second = await startServer(config, { clock, logger: false, scheduler: false, mail: false });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await database?.drop();
  });

  it('sends each client’s September once, whichever process gets there first', { timeout: 120_000 }, async () => {
    const f = factories(first.services);
    const clients = [];
    for (let i = 0; i < 12; i++) {
      const client = await f.client({ timeZone: 'Europe/Paris' });
      await f.contract(client.id);
      await f.user('client_manager', client.id);
      clients.push(client.id);
    }
    clock.set(new Date('2026-10-01T06:00:00Z')); // Thursday 1 October, 08:00 Paris
    const a = new ReportScheduler(first.db, clock, first.services.reports);
    const b = new ReportScheduler(second.db, clock, second.services.reports);
    const counts = await Promise.all([a.tick(), b.tick()]);
    expect(counts[0] + counts[1]).toBe(clients.length);
    const mails = await first.db
      .selectFrom('mail_messages')
      .select(['client_id'])
      .where('kind', '=', 'report')
      .execute();
    expect(mails).toHaveLength(clients.length);
    expect(new Set(mails.map((m) => m.client_id)).size).toBe(clients.length);
    expect(await Promise.all([a.tick(), b.tick()])).toEqual([0, 0]);
  });
});
