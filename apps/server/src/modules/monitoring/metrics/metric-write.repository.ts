/**
 * SQL of recording: metric series (find, create) and raw samples (multi-row inserts). Built for batches of
 * thousands of rows inside the ingest's transaction: SQLite gets multi-row `values` statements of a few fixed sizes
 * (each prepared once and kept by the connection), PostgreSQL one `unnest` insert of three arrays per batch.
 */
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import { dialectOf } from '../../../db/dialect.js';

export interface SeriesKey {
  assetId: string;
  name: string;
}

export interface NewSeries extends SeriesKey {
  id: string;
  clientId: string;
  unit: string | null;
}

export interface SampleRow {
  seriesId: string;
  at: number;
  value: number;
}

/** Rows per SQLite statement: 3 parameters each stays far under SQLite's 32,766 (and under 999 of old builds ×3). */
const SQLITE_SIZES = [1000, 250, 50, 10, 1] as const;
const LOOKUP_CHUNK = 300;

/** Ids of the series that exist among these keys, as `assetId\0name` → id. */
export async function findSeriesIds(db: Db, keys: SeriesKey[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const part = keys.slice(i, i + LOOKUP_CHUNK);
    const rows = await db
      .selectFrom('metric_series')
      .select(['id', 'asset_id', 'name'])
      .where('asset_id', 'in', [...new Set(part.map((k) => k.assetId))])
      .where('name', 'in', [...new Set(part.map((k) => k.name))])
      .execute();
    for (const row of rows) found.set(seriesKey(row.asset_id, row.name), row.id);
  }
  return found;
}

/** Creates the series that do not exist yet; one another process created meanwhile is left as it is. */
export async function insertSeries(db: Db, series: NewSeries[]): Promise<void> {
  for (let i = 0; i < series.length; i += LOOKUP_CHUNK) {
    await db
      .insertInto('metric_series')
      .values(
        series.slice(i, i + LOOKUP_CHUNK).map((s) => ({
          id: s.id,
          client_id: s.clientId,
          asset_id: s.assetId,
          name: s.name,
          unit: s.unit,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The cache and lookup key of a series. */
export function seriesKey(assetId: string, name: string): string {
  return `${assetId}\u0000${name}`;
}

/** Appends raw samples. */
export async function insertSamples(db: Db, samples: SampleRow[]): Promise<void> {
  if (samples.length === 0) return;
  if (dialectOf(db) === 'postgres') {
    await sql`insert into metric_samples (series_id, at, value)
      select * from unnest(${samples.map((s) => s.seriesId)}::text[], ${samples.map((s) => s.at)}::int8[],
        ${samples.map((s) => s.value)}::float8[])`.execute(db);
    return;
  }
  let offset = 0;
  for (const size of SQLITE_SIZES) {
    while (samples.length - offset >= size) {
      const params: unknown[] = new Array(size * 3);
      for (let i = 0; i < size; i++) {
        const sample = samples[offset + i] as SampleRow;
        params[i * 3] = sample.seriesId;
        params[i * 3 + 1] = sample.at;
        params[i * 3 + 2] = sample.value;
      }
      await db.executeQuery(CompiledQuery.raw(sqliteInsertText(size), params));
      offset += size;
    }
  }
}

const insertTexts = new Map<number, string>();
function sqliteInsertText(rows: number): string {
  let text = insertTexts.get(rows);
  if (!text) {
    text = `insert into metric_samples (series_id, at, value) values ${new Array(rows).fill('(?, ?, ?)').join(', ')}`;
    insertTexts.set(rows, text);
  }
  return text;
}
