import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';

/** Metric time series: raw samples, 5-minute and hourly rollups, retention, and reading them back for charts. */
export class MetricService {
  constructor(
    readonly db: Db,
    readonly clock: Clock,
  ) {}
}
