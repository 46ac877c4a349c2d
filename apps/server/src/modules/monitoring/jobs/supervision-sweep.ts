import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { fromJson } from '../../../db/dialect.js';
import { PeriodicJob } from '../../../jobs/periodic-job.js';
import { problemsWithoutAlert } from '../alerts/alerts.repository.js';
import { heartbeatChecks } from '../checks/checks.repository.js';
import type { CheckEngine, CheckResultInput, EngineOutcome } from '../engine/check-engine.js';

const RECONCILE_PAGE = 500;

/**
 * The supervision duties that no result triggers (DOMAIN §6): an agent silent past its limit goes offline (its
 * heartbeat check turns critical), and problems that were silenced — by a maintenance window now over, a parent now
 * back, a flapping episode now settled — are raised when nothing silences them any more.
 */
export class SupervisionSweep extends PeriodicJob<{ offline: number; raised: number }> {
  onCommitted: (outcome: EngineOutcome) => void = () => {};
  /** Where the next pass resumes its walk through silenced problems (null: from the start). */
  private reconcileAfter: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly engine: CheckEngine,
    onError?: (error: unknown) => void,
    private readonly reconcilePage = RECONCILE_PAGE,
  ) {
    super(onError);
  }

  protected async pass(): Promise<{ offline: number; raised: number }> {
    const offline = await this.markSilentAgents();
    const raised = await this.reconcile();
    return { offline, raised };
  }

  private async markSilentAgents(): Promise<number> {
    const now = this.clock.now();
    const results: CheckResultInput[] = [];
    for (const row of await heartbeatChecks(this.db)) {
      if (row.status === 'critical') continue;
      const limit = fromJson<{ silenceSeconds?: number }>(row.config).silenceSeconds ?? 300;
      const last = new Date(row.last_seen_at ?? row.enrolled_at).getTime();
      const silentMs = now.getTime() - last;
      if (silentMs <= limit * 1000) continue;
      results.push({
        checkId: row.id,
        status: 'critical',
        output: `No contact from the agent for ${Math.round(silentMs / 60_000)} min`,
        at: now,
        latencyMs: null,
      });
    }
    if (results.length === 0) return 0;
    const outcome = await this.db.transaction().execute((trx) => this.engine.apply(trx, results));
    this.onCommitted(outcome);
    return results.length;
  }

  private async reconcile(): Promise<number> {
    let raised = 0;
    const now = this.clock.now();
    const page = await problemsWithoutAlert(this.db, this.reconcilePage, this.reconcileAfter);
    this.reconcileAfter = page.length < this.reconcilePage ? null : (page.at(-1)?.id ?? null);
    for (const { id } of page) {
      const alertId = await this.db.transaction().execute((trx) => this.engine.reconcile(trx, id, now));
      if (!alertId) continue;
      raised++;
      this.onCommitted({ alertIds: [alertId], checkChanges: [], unknownCheckIds: [] });
    }
    return raised;
  }
}
