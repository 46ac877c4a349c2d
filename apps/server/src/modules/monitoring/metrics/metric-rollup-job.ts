/**
 * Every minute: rolls complete 5-minute buckets of raw samples into `metric_rollups` (resolution 300) and complete
 * hours into resolution 3600, then deletes what is past retention.
 *
 * Exactly once across server processes: the watermarks (where each resolution is rolled up to) live in `settings`;
 * a pass claims them `FOR UPDATE` (PostgreSQL; SQLite runs one transaction at a time), aggregates the next stretch and
 * moves the marks in the same transaction, so a crash leaves either nothing or all of it, and a second process waits
 * and then finds nothing left to do. Each transaction covers at most an hour of 5-minute buckets, so a catch-up after
 * a long stop is many short transactions. Hourly rows are aggregated from raw samples too (still there: raw is never
 * deleted before its hour is rolled up), because the rollup table has no index on (resolution, bucket).
 *
 * Retention (options, defaults in rollup-policy.ts): raw 48 h, 5-minute 30 days, hourly 400 days — never before the
 * data is rolled up into the next resolution. Raw samples go in chunks of `rawDeleteChunk` rows, each its own
 * statement, so a big delete never holds the ingest for long; rollups once an hour, a page of series at a time.
 */
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { PeriodicJob } from '../../../jobs/periodic-job.js';
import {
  deleteRawBefore,
  deleteRollupsBefore,
  firstSampleAt,
  initWatermarks,
  readWatermarks,
  rollUpRaw,
  saveWatermarks,
  seriesIdsAfter,
  type Watermarks,
} from './metric-rollup.repository.js';
import {
  bucketOf,
  DEFAULT_RETENTION,
  FIVE_MINUTES,
  HOUR_MS,
  type MetricRetention,
  ONE_HOUR,
  ROLLUP_GRACE_MS,
} from './rollup-policy.js';

export interface MetricRollupOptions {
  retention?: Partial<MetricRetention>;
  /** Raw rows per delete statement (default 5,000). */
  rawDeleteChunk?: number;
  /** Delete statements per pass at most (default 200); the rest waits for the next pass. */
  maxRawChunksPerPass?: number;
  /** Transactions of rollups per pass at most (default 200, an hour of 5-minute buckets each). */
  maxRollupSteps?: number;
  /** How often rollups are pruned (default hourly). */
  rollupRetentionEveryMs?: number;
}

/** What a pass did, for logs and tests. */
export interface RollupPassResult {
  fiveMinuteBuckets: number;
  hours: number;
  rawDeleted: number;
  rollupsDeleted: number;
}

const FIVE_MS = FIVE_MINUTES * 1000;
const FIVE_MINUTE_STRETCH = HOUR_MS;
const HOURLY_STRETCH = 6 * HOUR_MS;
const SERIES_PAGE = 500;

export class MetricRollupJob extends PeriodicJob<RollupPassResult> {
  private readonly retention: MetricRetention;
  private readonly rawDeleteChunk: number;
  private readonly maxRawChunks: number;
  private readonly maxRollupSteps: number;
  private readonly rollupRetentionEveryMs: number;
  private lastRollupRetention = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    options: MetricRollupOptions = {},
    onError?: (error: unknown) => void,
  ) {
    super(onError);
    this.retention = { ...DEFAULT_RETENTION, ...options.retention };
    this.rawDeleteChunk = options.rawDeleteChunk ?? 5000;
    this.maxRawChunks = options.maxRawChunksPerPass ?? 200;
    this.maxRollupSteps = options.maxRollupSteps ?? 200;
    this.rollupRetentionEveryMs = options.rollupRetentionEveryMs ?? HOUR_MS;
  }

  protected async pass(): Promise<RollupPassResult> {
    const result: RollupPassResult = { fiveMinuteBuckets: 0, hours: 0, rawDeleted: 0, rollupsDeleted: 0 };
    let marks: Watermarks | null = null;
    for (let step = 0; step < this.maxRollupSteps; step++) {
      const before = result.fiveMinuteBuckets + result.hours;
      marks = await this.db.transaction().execute((trx) => this.advance(trx, result));
      if (result.fiveMinuteBuckets + result.hours === before) break;
    }
    if (marks) await this.prune(marks, result);
    return result;
  }

  /** One transaction: claim the marks, roll up the next stretch of each resolution, move the marks. */
  private async advance(trx: Db, result: RollupPassResult): Promise<Watermarks> {
    const now = this.clock.now().getTime();
    const at = new Date(now).toISOString();
    const until = bucketOf(now - ROLLUP_GRACE_MS, FIVE_MS);
    let marks = await readWatermarks(trx, 'update');
    if (!marks) {
      const start = bucketOf((await firstSampleAt(trx, 0)) ?? until, HOUR_MS);
      await initWatermarks(trx, { fiveMinutes: start, hourly: start }, at);
      marks = (await readWatermarks(trx, 'update')) as Watermarks;
    }
    const next = { ...marks };
    if (next.fiveMinutes < until) {
      const to = await this.stretchEnd(trx, next.fiveMinutes, until, FIVE_MS, FIVE_MINUTE_STRETCH);
      await rollUpRaw(trx, FIVE_MINUTES, next.fiveMinutes, to);
      result.fiveMinuteBuckets += (to - next.fiveMinutes) / FIVE_MS;
      next.fiveMinutes = to;
    }
    const hoursUntil = bucketOf(next.fiveMinutes, HOUR_MS);
    if (next.hourly < hoursUntil) {
      const to = await this.stretchEnd(trx, next.hourly, hoursUntil, HOUR_MS, HOURLY_STRETCH);
      await rollUpRaw(trx, ONE_HOUR, next.hourly, to);
      result.hours += (to - next.hourly) / HOUR_MS;
      next.hourly = to;
    }
    if (next.fiveMinutes !== marks.fiveMinutes || next.hourly !== marks.hourly) await saveWatermarks(trx, next, at);
    return next;
  }

  /**
   * Where this transaction's stretch ends: at most `stretch` after the first sample from `from` on — a stretch
   * without samples (the server was stopped) is skipped in one step — and never beyond `until`.
   */
  private async stretchEnd(trx: Db, from: number, until: number, widthMs: number, stretch: number): Promise<number> {
    const first = await firstSampleAt(trx, from);
    if (first === null || first >= until) return until;
    return Math.min(until, bucketOf(first, widthMs) + stretch);
  }

  private async prune(marks: Watermarks, result: RollupPassResult): Promise<void> {
    const now = this.clock.now().getTime();
    const rawCut = Math.min(bucketOf(now - this.retention.rawMs, FIVE_MS), marks.hourly);
    for (let chunk = 0; chunk < this.maxRawChunks; chunk++) {
      const deleted = await deleteRawBefore(this.db, rawCut, this.rawDeleteChunk);
      result.rawDeleted += deleted;
      if (deleted < this.rawDeleteChunk) break;
    }
    if (now - this.lastRollupRetention < this.rollupRetentionEveryMs) return;
    this.lastRollupRetention = now;
    const fiveCut = Math.min(bucketOf(now - this.retention.fiveMinuteMs, HOUR_MS), marks.hourly);
    const hourCut = bucketOf(now - this.retention.hourlyMs, HOUR_MS);
    for (let after = ''; ; ) {
      const ids = await seriesIdsAfter(this.db, after, SERIES_PAGE);
      if (ids.length === 0) break;
      result.rollupsDeleted += await deleteRollupsBefore(this.db, ids, FIVE_MINUTES, fiveCut);
      result.rollupsDeleted += await deleteRollupsBefore(this.db, ids, ONE_HOUR, hourCut);
      after = ids[ids.length - 1] as string;
    }
  }
}
