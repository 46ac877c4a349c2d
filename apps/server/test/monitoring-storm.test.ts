/**
 * A dead site router in front of 300 machines (DOMAIN §6): one root-cause alert and one ticket, 300 checks marked
 * unreachable and none raised; when the router comes back, the machines follow without a single alert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { newId } from '../src/core/ids.js';
import type { CheckResultInput } from '../src/modules/monitoring/engine/check-engine.js';
import { SupervisionSweep } from '../src/modules/monitoring/jobs/supervision-sweep.js';
import { DIALECTS } from './databases.js';
import { factories } from './factories.js';
import { type Harness, startHarness } from './harness.js';

const MACHINES = 300;

for (const dialect of DIALECTS) {
  describe(`an alert storm behind a dead router (${dialect})`, () => {
    let h: Harness;
    let routerCheck: string;
    let machineChecks: string[];

    const apply = (results: CheckResultInput[]) =>
      h.db.transaction().execute((trx) => h.services.monitoring.engine.apply(trx, results));
    const result = (checkId: string, status: CheckResultInput['status']): CheckResultInput => ({
      checkId,
      status,
      output: status === 'ok' ? 'PING OK' : 'PING CRITICAL - no reply',
      at: h.clock.now(),
      latencyMs: null,
    });
    const monitoringTickets = async () =>
      Number(
        (
          await h.db
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('source', '=', 'monitoring')
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      h = await startHarness(dialect);
      const f = factories(h.services);
      const client = await f.client();
      await f.contract(client.id);
      const router = await f.asset(client.id, { name: 'rtr-site-lyon', type: 'router', criticality: 4 });
      const ping = (assetId: string, host: string) =>
        h.services.monitoring.checks.create(systemCtx, {
          assetId,
          name: 'Ping',
          config: { kind: 'icmp', host },
          maxAttempts: 1,
        });
      routerCheck = (await ping(router.id, '10.1.0.1')).id;
      machineChecks = [];
      const relations = [];
      for (let i = 0; i < MACHINES; i++) {
        const machine = await f.asset(client.id, {
          name: `pc-lyon-${String(i).padStart(3, '0')}`,
          type: 'workstation',
        });
        machineChecks.push((await ping(machine.id, `10.1.1.${i % 250}`)).id);
        relations.push({
          id: newId(),
          client_id: client.id,
          source_id: machine.id,
          kind: 'connected_to',
          target_id: router.id,
          created_at: h.clock.now().toISOString(),
        });
      }
      await h.db.insertInto('asset_relations').values(relations).execute();
      await apply([routerCheck, ...machineChecks].map((id) => result(id, 'ok')));
    }, 120_000);

    afterAll(async () => {
      await h?.close();
    });

    it('gives one alert and one ticket for the router and marks the 300 machines unreachable', async () => {
      h.clock.advance(60_000);
      await apply([result(routerCheck, 'critical')]);
      h.clock.advance(5_000);
      const outcome = await apply(machineChecks.map((id) => result(id, 'critical')));
      expect(outcome.alertIds).toHaveLength(0);
      const alerts = await h.db.selectFrom('alerts').selectAll().where('status', '=', 'open').execute();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.check_id).toBe(routerCheck);
      expect(await monitoringTickets()).toBe(1);
      const unreachable = await h.db
        .selectFrom('checks')
        .select('id')
        .where('reachability', '=', 'unreachable')
        .where('status', '=', 'critical')
        .execute();
      expect(unreachable).toHaveLength(MACHINES);
      const changes = await h.db.selectFrom('check_changes').select('id').where('status', '=', 'unreachable').execute();
      expect(changes).toHaveLength(MACHINES);
      const board = await h.services.monitoring.alerts.summary(systemCtx);
      expect(board.checks.unreachable).toBe(MACHINES);
      expect(board.openAlerts.critical).toBe(1);
      // The sweep does not raise them either while the router is down.
      expect((await h.services.monitoring.jobs.sweep.tick()).raised).toBe(0);
    });

    it('lets the machines come back with the router, without an alert', async () => {
      h.clock.advance(10 * 60_000);
      await apply([result(routerCheck, 'ok')]);
      await apply(machineChecks.map((id) => result(id, 'ok')));
      const alerts = await h.db.selectFrom('alerts').select(['status']).execute();
      expect(alerts).toEqual([{ status: 'resolved' }]);
      expect(await monitoringTickets()).toBe(1);
      const stillCut = await h.db.selectFrom('checks').select('id').where('reachability', '=', 'unreachable').execute();
      expect(stillCut).toHaveLength(0);
    });

    it('raises a machine that is really down once its router is back', async () => {
      h.clock.advance(60_000);
      await apply([result(routerCheck, 'critical')]);
      await apply([result(machineChecks[0] as string, 'critical')]);
      const openNow = await h.db
        .selectFrom('alerts')
        .select('check_id')
        .where('status', '=', 'open')
        .where('kind', '=', 'problem')
        .execute();
      expect(openNow).toEqual([{ check_id: routerCheck }]);
      h.clock.advance(60_000);
      await apply([result(routerCheck, 'ok')]);
      // The router is up; the machine still fails: the sweep raises it now.
      expect((await h.services.monitoring.jobs.sweep.tick()).raised).toBe(1);
      const open = await h.db
        .selectFrom('alerts')
        .select('check_id')
        .where('status', '=', 'open')
        .where('kind', '=', 'problem')
        .execute();
      expect(open).toEqual([{ check_id: machineChecks[0] }]);
    });

    it('walks through more silenced problems than one sweep page holds', async () => {
      h.clock.advance(60_000);
      await apply([result(routerCheck, 'critical')]);
      await apply(machineChecks.map((id) => result(id, 'critical')));
      h.clock.advance(60_000);
      await apply([result(routerCheck, 'ok')]);
      // The router is back but every machine still fails: all 300 must be raised, a page of 100 at a time.
      const sweep = new SupervisionSweep(h.db, h.clock, h.services.monitoring.engine, undefined, 100);
      let raised = 0;
      for (let pass = 0; pass < 4; pass++) raised += (await sweep.tick()).raised;
      expect(raised).toBe(MACHINES - 1); // machine 0 was already raised by the previous test
      const open = await h.db
        .selectFrom('alerts')
        .select('check_id')
        .where('status', '=', 'open')
        .where('kind', '=', 'problem')
        .execute();
      expect(open).toHaveLength(MACHINES);
    });
  });
}
