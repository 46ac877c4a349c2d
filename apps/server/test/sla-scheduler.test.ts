import { TicketInput } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { systemCtx } from '../src/core/actor.js';
import { ManualClock } from '../src/core/clock.js';
import { type Running, startServer } from '../src/main.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { factories } from './factories.js';

const TICKETS = 60;
/** Each ticket overruns both clocks: TTO warning and breach, TTR warning and breach. */
const MILESTONES_PER_TICKET = 4;

/**
 * Two Vigie server processes on one PostgreSQL database (two apps, two connection pools, two schedulers) race over
 * the same due milestones: each fires exactly once, with one timeline event and one notification per person.
 */
describe.runIf(process.env.VIGIE_TEST_PG_URL)('SLA milestones with two server instances on PostgreSQL', () => {
  let database: TestDatabase;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let first: Running;
  let second: Running;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    if (database.database.kind !== 'postgres') throw new Error('postgres expected');
    const config = loadConfig({
      DATABASE_URL: database.database.url,
      VIGIE_HTTP_HOST: '127.0.0.1',
      VIGIE_HTTP_PORT: '0',
      // Two servers on one machine: neither listens for mail.
      VIGIE_SMTP_PORT: '0',
      VIGIE_DEMO: 'off',
      VIGIE_ADMIN_PASSWORD: 'first admin password',
      VIGIE_LOG_LEVEL: 'silent',
      VIGIE_WEB_DIR: '/nonexistent',
    });
    first = await startServer(config, { clock, logger: false, scheduler: false });
    second = await startServer(config, { clock, logger: false, scheduler: false });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await database?.drop();
  });

  it('fires every milestone once however the two schedulers interleave', async () => {
    const f = factories(first.services);
    const client = await f.client();
    await f.contract(client.id);
    await f.user('manager');
    for (let i = 0; i < TICKETS; i++) {
      await first.services.tickets.create(systemCtx, TicketInput.parse({ clientId: client.id, title: `Panne ${i}` }));
    }
    // Two weeks later every clock has overrun its budget.
    clock.set(new Date('2026-03-16T09:00:00Z'));
    const rounds = await Promise.all([first.scheduler.tick(), second.scheduler.tick()]);
    const fired = rounds.reduce((sum, r) => sum + r.milestones, 0);
    expect(fired).toBe(TICKETS * MILESTONES_PER_TICKET);
    // Both took part: the work was shared, not done twice.
    expect(rounds.every((r) => r.milestones > 0)).toBe(true);
    // Later passes find nothing more to do.
    expect((await second.scheduler.tick()).milestones).toBe(0);

    const db = first.db;
    const count = async (table: 'sla_milestones' | 'notifications', where?: [string, string]) => {
      let q = db.selectFrom(table as 'notifications').select((eb) => eb.fn.countAll<number>().as('n'));
      if (where) q = q.where(where[0] as 'kind', '=', where[1]);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    expect(await count('sla_milestones')).toBe(TICKETS * MILESTONES_PER_TICKET);
    const slaEvents = await db
      .selectFrom('ticket_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'sla')
      .executeTakeFirstOrThrow();
    expect(Number(slaEvents.n)).toBe(TICKETS * MILESTONES_PER_TICKET);
    // One manager, one notification per milestone.
    expect(await count('notifications')).toBe(TICKETS * MILESTONES_PER_TICKET);
    const pending = await db.selectFrom('tickets').select('id').where('next_milestone_at', 'is not', null).execute();
    expect(pending).toEqual([]);
  });
});
