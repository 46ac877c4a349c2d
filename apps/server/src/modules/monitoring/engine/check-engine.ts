import {
  applyCheckResult,
  type CheckState,
  type CheckStatus,
  type CheckTransition,
  isFlapping,
  percentStateChange,
} from '@vigie/domain';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import { dialectOf } from '../../../db/dialect.js';
import type { CheckChangeRow } from '../../../db/schema-monitoring.js';
import type { AlertRaiser, AlertSubject } from '../alerts/alert-raiser.js';
import { checksForResults, type EngineCheckRow, updateCheckRow } from '../checks/checks.repository.js';
import type { MaintenanceLookup } from './maintenance-lookup.js';
import { isCutOff } from './reachability.repository.js';

/** One result of one check, from a plugin, a probe, a service report or the heartbeat pass. */
export interface CheckResultInput {
  checkId: string;
  status: CheckStatus;
  output: string;
  at: Date;
  latencyMs: number | null;
}

/** What changed, for the live board: alerts opened/updated/resolved and checks whose status moved. */
export interface EngineOutcome {
  alertIds: string[];
  checkChanges: { checkId: string; assetId: string; clientId: string; status: string }[];
  unknownCheckIds: string[];
}

const LETTER: Record<CheckStatus, string> = { ok: 'o', warning: 'w', critical: 'c', unknown: 'u' };

/**
 * The state machine of checks, applied to results in the caller's transaction (DOMAIN §6): soft/hard with
 * max_attempts, flapping over the last 21 results, unreachable behind a down parent, maintenance windows that
 * silence; hard transitions go to the alert raiser (alerts, tickets, notifications).
 */
export class CheckEngine {
  constructor(
    private readonly raiser: AlertRaiser,
    private readonly maintenance: MaintenanceLookup,
  ) {}

  async apply(trx: Db, results: readonly CheckResultInput[]): Promise<EngineOutcome> {
    const outcome: EngineOutcome = { alertIds: [], checkChanges: [], unknownCheckIds: [] };
    if (results.length === 0) return outcome;
    const ids = [...new Set(results.map((r) => r.checkId))];
    const rows = new Map((await this.lockChecks(trx, ids)).map((row) => [row.id, row]));
    const ordered = [...results].sort((a, b) => a.at.getTime() - b.at.getTime());
    const changes: CheckChangeRow[] = [];
    for (const result of ordered) {
      const row = rows.get(result.checkId);
      if (!row) {
        outcome.unknownCheckIds.push(result.checkId);
        continue;
      }
      await this.applyOne(trx, row, result, changes, outcome);
    }
    for (const row of rows.values()) {
      await updateCheckRow(trx, row.id, {
        status: row.status,
        hard: row.hard,
        attempt: row.attempt,
        history: row.history,
        flapping: row.flapping,
        reachability: row.reachability,
        output: row.output,
        latency_ms: row.latency_ms,
        last_result_at: row.last_result_at,
        state_since: row.state_since,
        updated_at: row.updated_at,
      });
    }
    if (changes.length > 0) await trx.insertInto('check_changes').values(changes).execute();
    return outcome;
  }

  /**
   * Looks again at a check in a confirmed problem that has no open alert (its window ended, its parent came back,
   * it stopped flapping): raises it now if nothing silences it any more.
   */
  async reconcile(trx: Db, checkId: string, now: Date): Promise<string | null> {
    const [row] = await this.lockChecks(trx, [checkId]);
    if (!row || row.hard !== 1 || row.flapping === 1 || !['warning', 'critical', 'unknown'].includes(row.status)) {
      return null;
    }
    if (await isCutOff(trx, row.asset_id)) {
      if (row.reachability !== 'unreachable') await updateCheckRow(trx, row.id, { reachability: 'unreachable' });
      return null;
    }
    if (await this.maintenance.activeAt(refOf(row), now, trx)) return null;
    if (row.reachability !== 'up') await updateCheckRow(trx, row.id, { reachability: 'up' });
    return this.raiser.onTransition(trx, subjectOf(row), 'problem', row.status as CheckStatus, row.output ?? '', now);
  }

  private async lockChecks(trx: Db, ids: readonly string[]): Promise<EngineCheckRow[]> {
    // PostgreSQL: results of one check are applied by one transaction at a time (a probe and the reconcile pass).
    if (dialectOf(trx) === 'postgres') {
      await trx
        .selectFrom('checks')
        .select('id')
        .where('id', 'in', [...ids])
        .orderBy('id')
        .forUpdate()
        .execute();
    }
    return checksForResults(trx, ids);
  }

  private async applyOne(
    trx: Db,
    row: EngineCheckRow,
    result: CheckResultInput,
    changes: CheckChangeRow[],
    outcome: EngineOutcome,
  ): Promise<void> {
    if (row.last_result_at && result.at.toISOString() < row.last_result_at) return; // an older result arrived late
    const previous: CheckState = {
      status: row.status === 'pending' ? 'ok' : (row.status as CheckStatus),
      hard: row.hard === 1,
      attempt: row.attempt,
    };
    const { state, transition } = applyCheckResult(previous, result.status, row.max_attempts);
    const at = result.at.toISOString();
    const history = (row.history + LETTER[result.status]).slice(-21);
    const wasFlapping = row.flapping === 1;
    const flapping = isFlapping([...history], wasFlapping);
    const hardChanged = state.hard && (row.status !== state.status || row.hard !== 1);
    const subject = subjectOf(row);
    if (row.status !== state.status || row.hard !== (state.hard ? 1 : 0)) {
      outcome.checkChanges.push({
        checkId: row.id,
        assetId: row.asset_id,
        clientId: row.client_id,
        status: state.status,
      });
    }
    if (hardChanged || row.status === 'pending') row.state_since = at;
    row.status = state.status;
    row.hard = state.hard ? 1 : 0;
    row.attempt = state.attempt;
    row.history = history;
    row.flapping = flapping ? 1 : 0;
    row.output = result.output.slice(0, 4000);
    row.latency_ms = result.latencyMs;
    row.last_result_at = at;
    row.updated_at = at;
    if (flapping !== wasFlapping) {
      const id = await this.raiser.flapping(trx, subject, flapping, percentStateChange([...history]), result.at);
      if (id) outcome.alertIds.push(id);
    }
    let recorded = state.status as string;
    if (transition === 'recovery' || state.status === 'ok') row.reachability = 'up';
    const raise = await this.mayRaise(trx, row, transition, result.at, flapping);
    if (raise === 'unreachable') recorded = 'unreachable';
    if (hardChanged || raise === 'unreachable') {
      changes.push({
        id: newId(),
        check_id: row.id,
        asset_id: row.asset_id,
        at,
        status: recorded,
        hard: 1,
        output: row.output,
      });
    }
    if (raise !== 'yes') return;
    const id = await this.raiser.onTransition(trx, subject, transition, state.status, result.output, result.at);
    if (id) outcome.alertIds.push(id);
  }

  /** Whether a transition reaches the alert raiser; problems behind a down parent, in maintenance or flapping do not. */
  private async mayRaise(
    trx: Db,
    row: EngineCheckRow,
    transition: CheckTransition,
    at: Date,
    flapping: boolean,
  ): Promise<'yes' | 'no' | 'unreachable'> {
    if (transition === 'none') return 'no';
    if (transition === 'recovery') return 'yes';
    if (flapping) return 'no';
    if (await isCutOff(trx, row.asset_id)) {
      const was = row.reachability;
      row.reachability = 'unreachable';
      return was === 'unreachable' ? 'no' : 'unreachable';
    }
    row.reachability = 'up';
    if (await this.maintenance.activeAt(refOf(row), at, trx)) return 'no';
    return 'yes';
  }
}

function refOf(row: EngineCheckRow) {
  return { clientId: row.client_id, siteId: row.site_id, assetId: row.asset_id, checkId: row.id };
}

function subjectOf(row: EngineCheckRow): AlertSubject {
  return {
    checkId: row.id,
    checkName: row.name,
    clientId: row.client_id,
    assetId: row.asset_id,
    assetName: row.asset_name,
    criticality: row.criticality,
  };
}
