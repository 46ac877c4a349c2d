/**
 * SQL of rollups and retention: the watermark (how far each resolution is rolled up) in `settings`, the
 * aggregation of raw samples into 5-minute and hourly rows, merges of late samples, and deletions in bounded chunks.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import { dialectOf, fromJson, toJson } from '../../../db/dialect.js';

/** End (exclusive, epoch ms) of what is rolled up at each resolution: everything before it is in the rollups. */
export interface Watermarks {
  fiveMinutes: number;
  hourly: number;
}

export interface RollupRow {
  seriesId: string;
  resolution: number;
  bucket: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

const WATERMARK_KEY = 'monitoring.metric-rollups';
const MERGE_CHUNK = 500;

/**
 * Reads the watermarks inside the caller's transaction. `update` is the rollup job's claim (a second process
 * waits, then sees the advanced marks); `share` is the recorder's, so a late sample is merged either before a
 * rollup reads the raw rows or after it committed, never in between. Locks exist only on PostgreSQL; SQLite
 * transactions already run one at a time.
 */
export async function readWatermarks(db: Db, lock: 'update' | 'share' | 'none'): Promise<Watermarks | null> {
  let query = db.selectFrom('settings').select('value').where('key', '=', WATERMARK_KEY);
  if (dialectOf(db) === 'postgres' && lock === 'update') query = query.forUpdate();
  if (dialectOf(db) === 'postgres' && lock === 'share') query = query.forShare();
  const row = await query.executeTakeFirst();
  return row ? fromJson<Watermarks>(row.value) : null;
}

/** The first watermarks, unless another process wrote them first. */
export async function initWatermarks(db: Db, marks: Watermarks, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: WATERMARK_KEY, value: toJson(marks), updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function saveWatermarks(db: Db, marks: Watermarks, at: string): Promise<void> {
  await db
    .updateTable('settings')
    .set({ value: toJson(marks), updated_at: at })
    .where('key', '=', WATERMARK_KEY)
    .execute();
}

/** The instant of the first raw sample at or after `from`, or null (answered from the `at` index). */
export async function firstSampleAt(db: Db, from: number): Promise<number | null> {
  const row = await db
    .selectFrom('metric_samples')
    .select((eb) => eb.fn.min('at').as('first'))
    .where('at', '>=', from)
    .executeTakeFirst();
  return row?.first == null ? null : Number(row.first);
}

/** Aggregates the raw samples of [from, to) into rows of `resolution` seconds, merged into any row already there. */
export async function rollUpRaw(db: Db, resolution: number, from: number, to: number): Promise<void> {
  const width = resolution * 1000;
  await sql`insert into metric_rollups (series_id, resolution, bucket, count, sum, min, max)
    select series_id, cast(${resolution} as integer), at - (at % cast(${width} as bigint)), count(*), sum(value),
      min(value), max(value)
    from metric_samples where at >= ${from} and at < ${to}
    group by 1, 3
    ${mergeClause(db)}`.execute(db);
}

/** Adds rows to the rollups: counts and sums add up, minimum and maximum widen. */
export async function mergeRollups(db: Db, rows: RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += MERGE_CHUNK) {
    const values = rows
      .slice(i, i + MERGE_CHUNK)
      .map((r) => sql`(${r.seriesId}, ${r.resolution}, ${r.bucket}, ${r.count}, ${r.sum}, ${r.min}, ${r.max})`);
    await sql`insert into metric_rollups (series_id, resolution, bucket, count, sum, min, max)
      values ${sql.join(values)} ${mergeClause(db)}`.execute(db);
  }
}

function mergeClause(db: Db): RawBuilder<unknown> {
  const [least, greatest] = dialectOf(db) === 'postgres' ? ['least', 'greatest'] : ['min', 'max'];
  return sql`on conflict (series_id, resolution, bucket) do update set
    count = metric_rollups.count + excluded.count,
    sum = metric_rollups.sum + excluded.sum,
    min = ${sql.raw(least)}(metric_rollups.min, excluded.min),
    max = ${sql.raw(greatest)}(metric_rollups.max, excluded.max)`;
}

/** Deletes at most `limit` raw samples older than `before` (through the `at` index); answers how many went. */
export async function deleteRawBefore(db: Db, before: number, limit: number): Promise<number> {
  const result =
    dialectOf(db) === 'postgres'
      ? await sql`delete from metric_samples where ctid = any(array(
          select ctid from metric_samples where at < ${before} limit ${limit}))`.execute(db)
      : await sql`delete from metric_samples where rowid in (
          select rowid from metric_samples where at < ${before} limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** A page of series ids in id order, for the per-series rollup deletions. */
export async function seriesIdsAfter(db: Db, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('metric_series')
    .select('id')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes the rollups of these series older than `before` at one resolution (a range of the primary key each). */
export async function deleteRollupsBefore(
  db: Db,
  seriesIds: string[],
  resolution: number,
  before: number,
): Promise<number> {
  if (seriesIds.length === 0) return 0;
  const result = await db
    .deleteFrom('metric_rollups')
    .where('series_id', 'in', seriesIds)
    .where('resolution', '=', resolution)
    .where('bucket', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
