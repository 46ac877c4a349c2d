/**
 * Writes a batch of measurements inside the caller's transaction: finds or creates each series, appends the raw
 * samples, and merges samples that arrive after their bucket was rolled up (an agent replaying its queue after an
 * outage) straight into the rollups, so charts and rollups never miss them.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../core/errors.js';
import type { Db } from '../../../db/connection.js';
import { mergeRollups, type RollupRow, readWatermarks } from './metric-rollup.repository.js';
import {
  findSeriesIds,
  insertSamples,
  insertSeries,
  type NewSeries,
  type SampleRow,
  seriesKey,
} from './metric-write.repository.js';
import { bucketOf, FIVE_MINUTES, HOUR_MS, LATE_SAMPLE_MS, ONE_HOUR } from './rollup-policy.js';
import { SeriesCache } from './series-cache.js';
import { SERIES_NAME_MAX } from './series-name.js';

/** One measurement to store; `name` is a full series name (see series-name.ts). */
export interface MetricRecord {
  clientId: string;
  assetId: string;
  name: string;
  unit?: string | null;
  /** Epoch milliseconds. */
  at: number;
  value: number;
}

const FIVE_MS = FIVE_MINUTES * 1000;

/**
 * A series id: 11 random base64url characters (66 bits) rather than a UUID, because every sample and rollup row
 * repeats it — 25 bytes less per row and per index entry. Not exposed anywhere; a collision only makes the insert
 * do nothing, and the series is created again with another id.
 */
function newSeriesId(): string {
  return randomBytes(8).toString('base64url');
}

export class MetricRecorder {
  private readonly cache = new SeriesCache();

  /** Stores the rows; `trx` is the ingest's transaction (everything here runs on it). */
  async record(trx: Db, rows: readonly MetricRecord[], now: number): Promise<void> {
    if (rows.length === 0) return;
    for (const row of rows) {
      if (!Number.isFinite(row.value) || !Number.isSafeInteger(row.at) || row.name.length > SERIES_NAME_MAX)
        throw new AppError(422, 'invalid', `Metric ${row.name.slice(0, 60)}: a finite value at an instant is expected`);
    }
    const ids = await this.seriesIds(trx, rows);
    const samples: SampleRow[] = rows.map((row, i) => ({ seriesId: ids[i] as string, at: row.at, value: row.value }));
    await insertSamples(trx, samples);
    await this.mergeLate(trx, samples, now);
  }

  /** Forgets cached series ids (after series were deleted, in tests). */
  forget(): void {
    this.cache.clear();
  }

  private async seriesIds(trx: Db, rows: readonly MetricRecord[]): Promise<string[]> {
    const ids: (string | undefined)[] = rows.map((row) => this.cache.get(seriesKey(row.assetId, row.name)));
    if (ids.every((id) => id !== undefined)) return ids as string[];
    const missing = new Map<string, MetricRecord>();
    rows.forEach((row, i) => {
      if (ids[i] === undefined) missing.set(seriesKey(row.assetId, row.name), row);
    });
    // Only series that existed before this batch go into the cache: one created here disappears if the caller's
    // transaction rolls back, and a cached id would then point at nothing. It is cached on its next batch.
    const existing = await findSeriesIds(trx, [...missing.values()]);
    for (const [key, id] of existing) this.cache.set(key, id);
    let found = new Map(existing);
    for (let attempt = 0; attempt < 3 && found.size < missing.size; attempt++) {
      const created: NewSeries[] = [];
      for (const [key, row] of missing) {
        if (!found.has(key))
          created.push({
            id: newSeriesId(),
            clientId: row.clientId,
            assetId: row.assetId,
            name: row.name,
            unit: row.unit ?? null,
          });
      }
      await insertSeries(trx, created);
      found = new Map([...found, ...(await findSeriesIds(trx, created))]);
    }
    return rows.map((row, i) => {
      const id = ids[i] ?? found.get(seriesKey(row.assetId, row.name));
      if (!id) throw new AppError(500, 'internal', 'A metric series could not be created');
      return id;
    });
  }

  /** Samples older than the rollup job's grace may be behind its watermark: merge those into the rollups. */
  private async mergeLate(trx: Db, samples: SampleRow[], now: number): Promise<void> {
    const threshold = now - LATE_SAMPLE_MS;
    if (!samples.some((s) => s.at < threshold)) return;
    const marks = await readWatermarks(trx, 'share');
    if (!marks) return; // never rolled up: the job's first pass starts from the earliest sample.
    const merged = new Map<string, RollupRow>();
    const add = (s: SampleRow, resolution: number, widthMs: number) => {
      const bucket = bucketOf(s.at, widthMs);
      const key = `${s.seriesId}|${resolution}|${bucket}`;
      const row = merged.get(key);
      if (!row)
        merged.set(key, {
          seriesId: s.seriesId,
          resolution,
          bucket,
          count: 1,
          sum: s.value,
          min: s.value,
          max: s.value,
        });
      else {
        row.count++;
        row.sum += s.value;
        row.min = Math.min(row.min, s.value);
        row.max = Math.max(row.max, s.value);
      }
    };
    for (const s of samples) {
      if (s.at < marks.fiveMinutes) add(s, FIVE_MINUTES, FIVE_MS);
      if (s.at < marks.hourly) add(s, ONE_HOUR, HOUR_MS);
    }
    await mergeRollups(trx, [...merged.values()]);
  }
}
