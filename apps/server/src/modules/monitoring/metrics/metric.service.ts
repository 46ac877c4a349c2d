import type { MetricSeriesView } from '@vigie/contracts';
import type { Ctx } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { Db } from '../../../db/connection.js';
import { assertCanRead } from '../../clients/register.policy.js';
import { planChart } from './chart-plan.js';
import {
  assetClientOf,
  type BucketRow,
  rawBuckets,
  rawSamples,
  rollupBuckets,
  type SeriesRow,
  seriesOfAsset,
} from './metric-read.repository.js';
import { type MetricRecord, MetricRecorder } from './metric-recorder.js';
import { readWatermarks } from './metric-rollup.repository.js';
import { DAY_MS, DEFAULT_RETENTION, HOUR_MS, type MetricRetention } from './rollup-policy.js';
import { matchesFilter, parseNameFilter } from './series-name.js';

export type { MetricRecord } from './metric-recorder.js';

/** Longest period a chart may ask for: the hourly rollups' retention. */
export const MAX_CHART_DAYS = 400;
const DEFAULT_PERIOD_MS = 24 * HOUR_MS;

/** A series an asset has, for the asset page's chart picker. */
export interface SeriesName {
  name: string;
  unit: string | null;
}

/** Metric time series: raw samples, 5-minute and hourly rollups, retention, and reading them back for charts. */
export class MetricService {
  private readonly recorder = new MetricRecorder();

  constructor(
    readonly db: Db,
    readonly clock: Clock,
    /** Must match the rollup job's (the reader knows from it where finer data is gone). */
    readonly retention: MetricRetention = DEFAULT_RETENTION,
  ) {}

  /**
   * Stores a batch of measurements in the caller's transaction (the agent ingest, the server checks): series are
   * found or created, samples appended in multi-row inserts, late samples merged into rollups already made.
   */
  record(trx: Db, rows: readonly MetricRecord[]): Promise<void> {
    return this.recorder.record(trx, rows, this.clock.now().getTime());
  }

  /**
   * An asset's series matching `names` (a trailing `*` is a prefix) over [from, to) — by default the last 24 h —
   * at the finest step giving at most ~600 points. The asset's client's staff and people only; else 404.
   */
  async series(ctx: Ctx, assetId: string, names: string[], from?: Date, to?: Date): Promise<MetricSeriesView[]> {
    const end = (to ?? this.clock.now()).getTime();
    const start = from ? from.getTime() : end - DEFAULT_PERIOD_MS;
    if (Number.isNaN(end)) throw badQuery('to: not an instant (ISO 8601, 2026-03-02T09:00:00Z)');
    if (Number.isNaN(start)) throw badQuery('from: not an instant (ISO 8601, 2026-03-02T09:00:00Z)');
    const filter = parseNameFilter(names);
    if (filter.exact.size === 0 && filter.prefixes.length === 0)
      throw badQuery('names: name at least one series (cpu.percent, disk.used_percent*…)');
    if (start >= end) throw badQuery('from: must be before to');
    if (end - start > MAX_CHART_DAYS * DAY_MS) throw badQuery(`A chart covers ${MAX_CHART_DAYS} days at most`);
    await this.assertCanRead(ctx, assetId);
    const series = (await seriesOfAsset(this.db, assetId)).filter((s) => matchesFilter(filter, s.name));
    if (series.length === 0) return [];
    const plan = planChart(
      start,
      end,
      this.clock.now().getTime(),
      await readWatermarks(this.db, 'none'),
      this.retention,
    );
    const ids = series.map((s) => s.id);
    const buckets: BucketRow[] = [];
    for (const part of plan.parts) {
      if (part.source === 'raw') buckets.push(...(await rawSamples(this.db, ids, part.from, part.to)));
      else if (part.source === 'raw-buckets')
        buckets.push(...(await rawBuckets(this.db, ids, part.from, part.to, part.stepMs)));
      else buckets.push(...(await rollupBuckets(this.db, ids, part.source, part.from, part.to, part.stepMs)));
    }
    return series.map((s) => view(s, plan.stepSeconds, buckets));
  }

  /** The names (and units) of an asset's series, for choosing what to chart. */
  async seriesNames(ctx: Ctx, assetId: string): Promise<SeriesName[]> {
    await this.assertCanRead(ctx, assetId);
    return (await seriesOfAsset(this.db, assetId)).map((s) => ({ name: s.name, unit: s.unit }));
  }

  private async assertCanRead(ctx: Ctx, assetId: string): Promise<void> {
    const clientId = await assetClientOf(this.db, assetId);
    if (!clientId) throw notFound('Asset');
    assertCanRead(ctx.actor, 'asset', clientId);
  }
}

function badQuery(message: string): AppError {
  return new AppError(400, 'validation', message);
}

/** One series' points in time order; parts meeting inside one bucket are merged into one point. */
function view(series: SeriesRow, stepSeconds: number, buckets: BucketRow[]): MetricSeriesView {
  const byTime = new Map<number, BucketRow>();
  for (const b of buckets) {
    if (b.series_id !== series.id) continue;
    const known = byTime.get(b.t);
    if (!known) byTime.set(b.t, { ...b });
    else {
      known.count += b.count;
      known.sum += b.sum;
      known.min = Math.min(known.min, b.min);
      known.max = Math.max(known.max, b.max);
    }
  }
  const points = [...byTime.values()]
    .sort((a, b) => a.t - b.t)
    .map((b) => ({ t: new Date(b.t).toISOString(), avg: b.sum / b.count, min: b.min, max: b.max }));
  return { name: series.name, unit: series.unit, resolutionSeconds: stepSeconds, points };
}
