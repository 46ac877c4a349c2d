/** SQL of charts: an asset's series, its raw samples, and buckets aggregated from raw samples or rollups. */
import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';

export interface SeriesRow {
  id: string;
  name: string;
  unit: string | null;
}

/** One aggregated bucket of one series. */
export interface BucketRow {
  series_id: string;
  t: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * The client owning an asset, or null when there is none. Read here rather than through AssetService because the
 * metric service is built before it (monitoring-services.ts); it is one column of one row.
 */
export async function assetClientOf(db: Db, assetId: string): Promise<string | null> {
  const row = await db.selectFrom('assets').select('client_id').where('id', '=', assetId).executeTakeFirst();
  return row?.client_id ?? null;
}

/** Every series of an asset, by name. */
export async function seriesOfAsset(db: Db, assetId: string): Promise<SeriesRow[]> {
  return db
    .selectFrom('metric_series')
    .select(['id', 'name', 'unit'])
    .where('asset_id', '=', assetId)
    .orderBy('name')
    .execute();
}

/** Raw samples of [from, to) in time order, each a bucket of one. */
export async function rawSamples(db: Db, seriesIds: string[], from: number, to: number): Promise<BucketRow[]> {
  if (seriesIds.length === 0 || from >= to) return [];
  const rows = await db
    .selectFrom('metric_samples')
    .select(['series_id', 'at', 'value'])
    .where('series_id', 'in', seriesIds)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at')
    .execute();
  return rows.map((r) => ({ series_id: r.series_id, t: r.at, count: 1, sum: r.value, min: r.value, max: r.value }));
}

/** Raw samples of [from, to) grouped into buckets of `stepMs` (the part of a chart not rolled up yet). */
export async function rawBuckets(
  db: Db,
  seriesIds: string[],
  from: number,
  to: number,
  stepMs: number,
): Promise<BucketRow[]> {
  if (seriesIds.length === 0 || from >= to) return [];
  const result = await sql<BucketRow>`select series_id, at - (at % cast(${stepMs} as bigint)) as t, count(*) as count,
      sum(value) as sum, min(value) as min, max(value) as max
    from metric_samples where series_id in (${sql.join(seriesIds)}) and at >= ${from} and at < ${to}
    group by 1, 2`.execute(db);
  return result.rows.map(numeric);
}

/** Rollups of one resolution over [from, to), regrouped into buckets of `stepMs` (a multiple of the resolution). */
export async function rollupBuckets(
  db: Db,
  seriesIds: string[],
  resolution: number,
  from: number,
  to: number,
  stepMs: number,
): Promise<BucketRow[]> {
  if (seriesIds.length === 0 || from >= to) return [];
  const result = await sql<BucketRow>`select series_id, bucket - (bucket % cast(${stepMs} as bigint)) as t,
      sum(count) as count, sum(sum) as sum, min(min) as min, max(max) as max
    from metric_rollups
    where series_id in (${sql.join(seriesIds)}) and resolution = ${resolution} and bucket >= ${from} and bucket < ${to}
    group by 1, 2`.execute(db);
  return result.rows.map(numeric);
}

// PostgreSQL answers sum(bigint) as numeric (text); every figure is a plain number here.
function numeric(row: BucketRow): BucketRow {
  return {
    series_id: row.series_id,
    t: Number(row.t),
    count: Number(row.count),
    sum: Number(row.sum),
    min: Number(row.min),
    max: Number(row.max),
  };
}
