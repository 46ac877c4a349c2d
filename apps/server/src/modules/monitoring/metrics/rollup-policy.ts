/**
 * How long each resolution is kept, and when a 5-minute bucket counts as complete. Shared by the rollup job (which
 * writes and deletes), the recorder (which merges late samples) and the reader (which picks where each part of a
 * chart comes from), so the three agree.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Rollup resolutions in seconds, as stored in `metric_rollups.resolution`. */
export const FIVE_MINUTES = 300;
export const ONE_HOUR = 3600;

export interface MetricRetention {
  /** Raw samples: 48 h by default — the finest charts (≤ 10 h) are drawn from them. */
  rawMs: number;
  /** 5-minute rollups: 30 days — charts up to ~2 days. */
  fiveMinuteMs: number;
  /** Hourly rollups: 400 days — a year and its month of comparison. */
  hourlyMs: number;
}

export const DEFAULT_RETENTION: MetricRetention = {
  rawMs: 48 * HOUR_MS,
  fiveMinuteMs: 30 * DAY_MS,
  hourlyMs: 400 * DAY_MS,
};

/**
 * A 5-minute bucket is rolled up once it ended this long ago, so samples sent a little late (an agent's batch every
 * minute, a slow network) are still in it. Samples later than that are merged into the rollups as they arrive.
 */
export const ROLLUP_GRACE_MS = 3 * MINUTE_MS;

/**
 * A recorded sample older than this may belong to a bucket already rolled up, so the recorder looks at the
 * watermark; the gap to the grace tolerates a minute of clock difference between server processes.
 */
export const LATE_SAMPLE_MS = ROLLUP_GRACE_MS - MINUTE_MS;

/** Start of the bucket of `width` milliseconds holding `at`. */
export function bucketOf(at: number, widthMs: number): number {
  return at - (((at % widthMs) + widthMs) % widthMs);
}
