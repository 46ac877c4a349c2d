import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import type { MetricRecord } from '../src/modules/monitoring/metrics/metric.service.js';
import { MetricRollupJob } from '../src/modules/monitoring/metrics/metric-rollup-job.js';
import { checkSeriesName, seriesName } from '../src/modules/monitoring/metrics/series-name.js';
import { DIALECTS } from './databases.js';
import { factories, PASSWORD } from './factories.js';
import { type Harness, startHarness } from './harness.js';
import { ApiClient } from './http-client.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-03-02T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

interface Point {
  t: string;
  avg: number;
  min: number;
  max: number;
}
interface SeriesView {
  name: string;
  unit: string | null;
  resolutionSeconds: number;
  points: Point[];
}

describe.each(DIALECTS)('metric time series (%s)', (dialect) => {
  let h: Harness;
  let clientId: string;
  let assetId: string;
  let otherAssetId: string;
  let tech: ApiClient;
  let techB: ApiClient;
  let clientIt: ApiClient;
  let managerOfB: ApiClient;
  let requester: ApiClient;
  const emails: Record<'tech' | 'techB' | 'clientIt' | 'managerOfB' | 'requester', string> = {
    tech: '',
    techB: '',
    clientIt: '',
    managerOfB: '',
    requester: '',
  };

  const login = async (email: string) => {
    const client = new ApiClient(h.baseUrl);
    expect((await client.login(email, PASSWORD)).status).toBe(200);
    return client;
  };
  /** Moves the clock; sessions do not outlive days, so everybody signs in again. */
  const setClock = async (at: number) => {
    h.clock.set(new Date(at));
    tech = await login(emails.tech);
    techB = await login(emails.techB);
    clientIt = await login(emails.clientIt);
    managerOfB = await login(emails.managerOfB);
    requester = await login(emails.requester);
  };

  const record = (rows: Omit<MetricRecord, 'clientId' | 'assetId'>[], asset = assetId) =>
    h.db.transaction().execute((trx) =>
      h.services.monitoring.metrics.record(
        trx,
        rows.map((r) => ({ clientId, assetId: asset, ...r })),
      ),
    );
  const chart = async (client: ApiClient, query: string, asset = assetId) =>
    (await client.json<{ series: SeriesView[] }>('GET', `/api/v1/monitoring/assets/${asset}/metrics?${query}`)).series;
  const rollups = async (name: string) =>
    h.db
      .selectFrom('metric_rollups')
      .innerJoin('metric_series', 'metric_series.id', 'metric_rollups.series_id')
      .select(['resolution', 'bucket', 'count', 'sum', 'min', 'max'])
      .where('metric_series.asset_id', '=', assetId)
      .where('metric_series.name', '=', name)
      .orderBy('resolution')
      .orderBy('bucket')
      .execute();

  beforeAll(async () => {
    h = await startHarness(dialect);
    const f = factories(h.services);
    clientId = (await f.client()).id;
    const otherClientId = (await f.client()).id;
    assetId = (await f.asset(clientId, { name: 'srv-files' })).id;
    otherAssetId = (await f.asset(clientId, { name: 'srv-empty' })).id;
    const techUser = await f.user('technician');
    const techBUser = await f.user('technician');
    await h.services.teams.create(systemCtx, {
      name: 'A',
      description: null,
      memberIds: [techUser.id],
      clientIds: [clientId],
    });
    await h.services.teams.create(systemCtx, {
      name: 'B',
      description: null,
      memberIds: [techBUser.id],
      clientIds: [otherClientId],
    });
    emails.tech = techUser.email;
    emails.techB = techBUser.email;
    emails.clientIt = (await f.user('client_it', clientId)).email;
    emails.managerOfB = (await f.user('client_manager', otherClientId)).email;
    emails.requester = (await f.user('requester', clientId)).email;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('names series after the agent’s instance and the server check', () => {
    expect(seriesName('disk.used_percent', '/var')).toBe('disk.used_percent[/var]');
    expect(seriesName('cpu.percent')).toBe('cpu.percent');
    expect(checkSeriesName('0190aaaa-0000-7000-8000-000000000001', 'latency_ms')).toBe(
      'check.latency_ms[0190aaaa-0000-7000-8000-000000000001]',
    );
  });

  it('records raw samples and charts a short period from them, one point per sample', async () => {
    await setClock(T0 + 12 * MIN);
    await record([
      { name: 'cpu.percent', unit: '%', at: T0, value: 1 },
      { name: 'cpu.percent', unit: '%', at: T0 + MIN, value: 2 },
      { name: 'cpu.percent', unit: '%', at: T0 + 2 * MIN, value: 6 },
      { name: 'cpu.percent', unit: '%', at: T0 + 5 * MIN, value: 10 },
      { name: 'cpu.percent', unit: '%', at: T0 + 7 * MIN, value: 20 },
      { name: 'disk.used_percent[/]', unit: '%', at: T0, value: 40 },
      { name: 'disk.used_percent[/var]', unit: '%', at: T0, value: 70 },
      { name: 'memory.used_percent', unit: '%', at: T0, value: 55 },
    ]);
    const [cpu, ...rest] = await chart(tech, `names=cpu.percent&from=${iso(T0)}&to=${iso(T0 + 10 * MIN)}`);
    expect(rest).toEqual([]);
    expect(cpu).toMatchObject({ name: 'cpu.percent', unit: '%', resolutionSeconds: 0 });
    expect(cpu?.points.map((p) => [p.t, p.avg])).toEqual([
      [iso(T0), 1],
      [iso(T0 + MIN), 2],
      [iso(T0 + 2 * MIN), 6],
      [iso(T0 + 5 * MIN), 10],
      [iso(T0 + 7 * MIN), 20],
    ]);
  });

  it('answers exact names and prefixes, and lists the series of an asset', async () => {
    const period = `from=${iso(T0)}&to=${iso(T0 + 10 * MIN)}`;
    const disks = await chart(tech, `names=disk.used_percent*&${period}`);
    expect(disks.map((s) => [s.name, s.points[0]?.avg])).toEqual([
      ['disk.used_percent[/]', 40],
      ['disk.used_percent[/var]', 70],
    ]);
    const picked = await chart(tech, `names=memory.used_percent,disk.used_percent[/var],nothing.here&${period}`);
    expect(picked.map((s) => s.name)).toEqual(['disk.used_percent[/var]', 'memory.used_percent']);
    const names = await tech.json<{ names: { name: string }[] }>(
      'GET',
      `/api/v1/monitoring/assets/${assetId}/metric-names`,
    );
    expect(names.names.map((n) => n.name)).toEqual([
      'cpu.percent',
      'disk.used_percent[/]',
      'disk.used_percent[/var]',
      'memory.used_percent',
    ]);
    expect(await chart(tech, `names=cpu.percent&${period}`, otherAssetId)).toEqual([]);
  });

  it('rolls up 5-minute buckets and hours with hand-computed figures, once, whatever the number of passes and processes', async () => {
    await setClock(T0 + HOUR + 5 * MIN);
    const one = new MetricRollupJob(h.db, h.clock);
    const two = new MetricRollupJob(h.db, h.clock);
    await Promise.all([one.tick(), two.tick()]);
    await one.tick();
    await two.tick();
    // 1, 2, 6 in [10:00, 10:05): 3 samples, avg 3; 10, 20 in [10:05, 10:10): avg 15; the hour: 5 samples, avg 7.8.
    expect(await rollups('cpu.percent')).toEqual([
      { resolution: 300, bucket: T0, count: 3, sum: 9, min: 1, max: 6 },
      { resolution: 300, bucket: T0 + 5 * MIN, count: 2, sum: 30, min: 10, max: 20 },
      { resolution: 3600, bucket: T0, count: 5, sum: 39, min: 1, max: 20 },
    ]);
    const [week] = await chart(tech, `names=cpu.percent&from=${iso(T0)}&to=${iso(T0 + 7 * 24 * HOUR)}`);
    expect(week?.resolutionSeconds).toBe(3600);
    expect(week?.points).toEqual([{ t: iso(T0), avg: 7.8, min: 1, max: 20 }]);
  });

  it('merges a sample replayed after its bucket was rolled up, and never counts it twice', async () => {
    await record([{ name: 'cpu.percent', unit: '%', at: T0 + 3 * MIN, value: 3 }]);
    await new MetricRollupJob(h.db, h.clock).tick();
    expect(await rollups('cpu.percent')).toEqual([
      { resolution: 300, bucket: T0, count: 4, sum: 12, min: 1, max: 6 },
      { resolution: 300, bucket: T0 + 5 * MIN, count: 2, sum: 30, min: 10, max: 20 },
      { resolution: 3600, bucket: T0, count: 6, sum: 42, min: 1, max: 20 },
    ]);
  });

  it('deletes raw samples after 48 hours while the chart still answers from the rollups', async () => {
    await setClock(T0 + 47 * HOUR);
    const kept = await new MetricRollupJob(h.db, h.clock).tick();
    expect(kept.rawDeleted).toBe(0);
    await setClock(T0 + 50 * HOUR + 10 * MIN);
    const pass = await new MetricRollupJob(h.db, h.clock).tick();
    expect(pass.rawDeleted).toBe(9);
    const raw = await h.db
      .selectFrom('metric_samples')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(raw?.n)).toBe(0);
    const [cpu] = await chart(tech, `names=cpu.percent&from=${iso(T0)}&to=${iso(T0 + 10 * MIN)}`);
    expect(cpu?.points).toEqual([
      { t: iso(T0), avg: 3, min: 1, max: 6 },
      { t: iso(T0 + 5 * MIN), avg: 15, min: 10, max: 20 },
    ]);
  });

  it('charts the last 24 hours by default, the newest minutes from raw samples not rolled up yet', async () => {
    const now = T0 + 50 * HOUR + 10 * MIN;
    await record([
      { name: 'load.1', at: now - 25 * HOUR, value: 99 },
      { name: 'load.1', at: now - 2 * HOUR, value: 1 },
      { name: 'load.1', at: now - 2 * HOUR + MIN, value: 3 },
      { name: 'load.1', at: now - MIN, value: 8 },
    ]);
    await new MetricRollupJob(h.db, h.clock).tick();
    const [load] = await chart(clientIt, 'names=load.1');
    expect(load?.resolutionSeconds).toBe(300);
    expect(load?.points).toEqual([
      { t: iso(now - 2 * HOUR), avg: 2, min: 1, max: 3 },
      { t: iso(now - 5 * MIN), avg: 8, min: 8, max: 8 },
    ]);
  });

  it('records a whole agent batch of thousands of rows in one transaction', async () => {
    const at = T0 + 50 * HOUR;
    const rows = Array.from({ length: 5003 }, (_, i) => ({
      name: seriesName('net.rx_bytes', `eth${i % 40}`),
      at: at - i * 100,
      value: i,
    }));
    await record(rows);
    const [eth7] = await chart(tech, `names=net.rx_bytes[eth7]&from=${iso(at - HOUR)}&to=${iso(at + MIN)}`);
    // eth7 got rows 7, 47, … 4967: 125 samples, the oldest first.
    expect(eth7?.points.length).toBe(125);
    expect([eth7?.points[0]?.avg, eth7?.points.at(-1)?.avg]).toEqual([4967, 7]);
  });

  it('hides an asset’s metrics from other clients’ people and staff, and from requesters (404)', async () => {
    const path = `/api/v1/monitoring/assets/${assetId}/metrics?names=cpu.percent`;
    for (const client of [techB, managerOfB, requester]) {
      expect((await client.request('GET', path)).status).toBe(404);
      expect((await client.request('GET', `/api/v1/monitoring/assets/${assetId}/metric-names`)).status).toBe(404);
    }
    const missing = await tech.request(
      'GET',
      '/api/v1/monitoring/assets/0190aaaa-0000-7000-8000-000000000001/metrics?names=cpu.percent',
    );
    expect(missing.status).toBe(404);
  });

  it('refuses a bad period or no names with 400 and a clear message', async () => {
    const refused = async (query: string) => {
      const response = await tech.request('GET', `/api/v1/monitoring/assets/${assetId}/metrics?${query}`);
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    expect(await refused(`names=cpu.percent&from=${iso(T0 + HOUR)}&to=${iso(T0)}`)).toBe('from: must be before to');
    expect(await refused(`names=cpu.percent&from=${iso(T0 - 401 * 24 * HOUR)}&to=${iso(T0)}`)).toBe(
      'A chart covers 400 days at most',
    );
    expect(await refused('names=,')).toMatch(/^names: /);
    expect(await refused('names=cpu.percent&from=yesterday')).toMatch(/^from: not an instant/);
  });
});
