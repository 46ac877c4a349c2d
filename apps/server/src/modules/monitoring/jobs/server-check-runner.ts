import { type CheckConfig, SERVER_CHECK_KINDS } from '@vigie/contracts';
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { fromJson } from '../../../db/dialect.js';
import type { CheckRow } from '../../../db/schema-monitoring.js';
import { PeriodicJob } from '../../../jobs/periodic-job.js';
import type { MetricSink } from '../agent/batch-ingest.service.js';
import { claimDueChecks } from '../checks/checks.repository.js';
import type { CheckEngine, CheckResultInput, EngineOutcome } from '../engine/check-engine.js';
import type { MetricRecord } from '../metrics/metric-recorder.js';
import { checkSeriesName } from '../metrics/series-name.js';
import { runProbe } from '../probes/probe.js';

/** Figures the Prometheus endpoint reads. */
export interface CheckRunStats {
  runs: number;
  lastDurationsMs: number[];
}

const CLAIM = 200;

/**
 * Runs the server's own checks (ping, TCP, HTTP, TLS, DNS, SNMP) when they fall due: claims them (each runs once per
 * interval even with several server processes), probes them concurrently, and applies all results of one pass in one
 * transaction. Each check's phase in its interval is kept across restarts (next_run_at is in the database).
 */
export class ServerCheckRunner extends PeriodicJob<number> {
  readonly stats: CheckRunStats = { runs: 0, lastDurationsMs: [] };
  onCommitted: (outcome: EngineOutcome) => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly engine: CheckEngine,
    private readonly metrics: MetricSink,
    onError?: (error: unknown) => void,
  ) {
    super(onError);
  }

  protected async pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const due = await claimDueChecks(this.db, SERVER_CHECK_KINDS, this.clock.now(), CLAIM);
      if (due.length === 0) return total;
      await this.runAll(due);
      total += due.length;
      if (due.length < CLAIM) return total;
    }
  }

  /** Probes these checks now and records their results (also "Run now" from the console). */
  async runAll(checks: readonly CheckRow[]): Promise<EngineOutcome> {
    const settled = await Promise.all(
      checks.map(async (check) => {
        const started = this.clock.now();
        const result = await runProbe(fromJson<CheckConfig>(check.config), check.timeout_ms);
        return { check, started, result };
      }),
    );
    const results: CheckResultInput[] = [];
    const metrics: MetricRecord[] = [];
    for (const { check, started, result } of settled) {
      results.push({
        checkId: check.id,
        status: result.status,
        output: result.output,
        at: started,
        latencyMs: result.latencyMs,
      });
      for (const m of result.metrics) {
        metrics.push({
          clientId: check.client_id,
          assetId: check.asset_id,
          name: checkSeriesName(check.id, m.name),
          unit: m.unit ?? null,
          at: started.getTime(),
          value: m.value,
        });
      }
      if (result.latencyMs !== null) this.remember(result.latencyMs);
    }
    const outcome = await this.db.transaction().execute(async (trx) => {
      await this.metrics.record(trx, metrics);
      return this.engine.apply(trx, results);
    });
    this.stats.runs += checks.length;
    this.onCommitted(outcome);
    return outcome;
  }

  private remember(ms: number): void {
    this.stats.lastDurationsMs.push(ms);
    if (this.stats.lastDurationsMs.length > 1000) this.stats.lastDurationsMs.splice(0, 500);
  }
}
