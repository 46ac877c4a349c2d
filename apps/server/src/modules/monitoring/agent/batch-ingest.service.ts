import type { AgentBatch, BatchAck, BatchItem } from '@vigie/contracts';
import { parsePluginOutput, statusOfExitCode } from '@vigie/domain';
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { fromJson } from '../../../db/dialect.js';
import type { AgentRow } from '../../../db/schema-monitoring.js';
import { heartbeatCheckOfAsset, pluginCheckIdsOfAsset, serviceChecksOfAsset } from '../checks/checks.repository.js';
import type { CheckEngine, CheckResultInput, EngineOutcome } from '../engine/check-engine.js';
import type { MetricRecord } from '../metrics/metric-recorder.js';
import { checkSeriesName, seriesName } from '../metrics/series-name.js';
import { advanceAgentSequence, touchAgent } from './agents.repository.js';
import { ClockSkew } from './clock-skew.js';
import { saveInventory, saveServices, saveUpdates } from './inventory.repository.js';
import { serviceStatus } from './service-status.js';

/** Where measurements go (the metric store, in the ingest's transaction). */
export interface MetricSink {
  record(trx: Db, rows: readonly MetricRecord[]): Promise<void>;
}

/** Results dated further in the future than this (after correction) are taken as received now. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Takes an agent's batch (DOMAIN §6): everything it carries is written in ONE transaction together with the agent's
 * new sequence number, so that the acknowledgement means "committed", and a replay of the same batch (same or lower
 * sequence) is acknowledged again without being counted twice.
 */
export class BatchIngest {
  /** Told after each commit, for the live board. */
  onCommitted: (outcome: EngineOutcome) => void = () => {};
  /** Running totals for /metrics: batches committed and replayed, results stored. */
  readonly stats = { batches: 0, duplicates: 0, results: 0 };
  private readonly skew = new ClockSkew();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly engine: CheckEngine,
    private readonly metrics: MetricSink,
  ) {}

  async ingest(agent: AgentRow, batch: AgentBatch): Promise<BatchAck> {
    const received = this.clock.now();
    const duplicate = (): BatchAck => ({
      acknowledged: batch.seq,
      duplicate: true,
      configVersion: agent.config_version,
      accepted: 0,
      rejected: [],
    });
    if (batch.seq <= agent.last_seq) {
      this.stats.duplicates++;
      await touchAgent(this.db, agent.id, received.toISOString());
      return duplicate();
    }
    const timeOf = clockCorrection(this.skew.shiftFor(agent.id, new Date(batch.sentAt), received), received);
    const result = await this.db.transaction().execute(async (trx) => {
      if (!(await advanceAgentSequence(trx, agent.id, batch.seq, received.toISOString(), batch.agentVersion ?? null))) {
        return null;
      }
      const work = await this.collect(trx, agent, batch.items, timeOf);
      await this.metrics.record(trx, work.metrics);
      const heartbeat = await this.heartbeat(trx, agent, received);
      if (heartbeat) work.results.push(heartbeat);
      const outcome = await this.engine.apply(trx, work.results);
      for (const id of outcome.unknownCheckIds) {
        for (const index of work.resultIndex.get(id) ?? []) work.rejected.push({ index, reason: 'unknown check' });
      }
      return { outcome, work };
    });
    if (!result) {
      this.stats.duplicates++;
      return duplicate();
    }
    this.stats.batches++;
    this.stats.results += result.work.metrics.length + result.work.results.length;
    this.onCommitted(result.outcome);
    const rejected = result.work.rejected.sort((a, b) => a.index - b.index);
    return {
      acknowledged: batch.seq,
      duplicate: false,
      configVersion: agent.config_version,
      accepted: batch.items.length - new Set(rejected.map((r) => r.index)).size,
      rejected,
    };
  }

  private async collect(trx: Db, agent: AgentRow, items: readonly BatchItem[], timeOf: (text: string) => Date) {
    const metrics: MetricRecord[] = [];
    const results: CheckResultInput[] = [];
    const rejected: { index: number; reason: string }[] = [];
    const resultIndex = new Map<string, number[]>();
    const base = { clientId: agent.client_id, assetId: agent.asset_id };
    // An agent reports only its own asset's plugin checks: a check id of another asset or client is refused.
    const ownPlugins = items.some((item) => item.type === 'check')
      ? new Set(await pluginCheckIdsOfAsset(trx, agent.asset_id))
      : new Set<string>();
    for (const [index, item] of items.entries()) {
      const at = timeOf(item.at);
      switch (item.type) {
        case 'metrics':
          for (const v of item.values) {
            metrics.push({
              ...base,
              name: seriesName(v.name, v.instance),
              unit: v.unit ?? null,
              at: at.getTime(),
              value: v.value,
            });
          }
          break;
        case 'check': {
          if (!ownPlugins.has(item.checkId)) {
            rejected.push({ index, reason: 'unknown check' });
            break;
          }
          const parsed = parsePluginOutput(item.output);
          const problems = parsed.problems.length > 0 ? ` (perfdata ignored: ${parsed.problems.join('; ')})` : '';
          results.push({
            checkId: item.checkId,
            status: statusOfExitCode(item.exitCode),
            output: `${parsed.summary}${problems}`,
            at,
            latencyMs: item.durationMs,
          });
          resultIndex.set(item.checkId, [...(resultIndex.get(item.checkId) ?? []), index]);
          for (const m of parsed.metrics) {
            metrics.push({
              ...base,
              name: checkSeriesName(item.checkId, perfName(m.label)),
              unit: m.uom || null,
              at: at.getTime(),
              value: m.value,
            });
          }
          break;
        }
        case 'services': {
          const checks = await serviceChecksOfAsset(trx, agent.asset_id);
          const units = new Map(item.units.map((u) => [u.name, u]));
          for (const check of checks) {
            const unit = fromJson<{ unit: string }>(check.config).unit;
            const state = serviceStatus(unit, units.get(unit));
            results.push({ checkId: check.id, status: state.status, output: state.output, at, latencyMs: null });
          }
          await saveServices(
            trx,
            agent.asset_id,
            item.units.filter((u) => u.active === 'failed' || checks.length > 0),
          );
          break;
        }
        case 'inventory':
          await saveInventory(trx, {
            ...base,
            at: at.toISOString(),
            os: item.os,
            hardware: item.hardware,
            packages: item.packages,
          });
          break;
        case 'updates':
          await saveUpdates(trx, { ...base, at: at.toISOString(), updates: item.updates });
          break;
      }
    }
    return { metrics, results, rejected, resultIndex };
  }

  /** Any batch is a sign of life: an agent that was offline comes back (its heartbeat check recovers). */
  private async heartbeat(trx: Db, agent: AgentRow, at: Date): Promise<CheckResultInput | null> {
    const check = await heartbeatCheckOfAsset(trx, agent.asset_id);
    if (!check || check.enabled !== 1 || check.status === 'ok') return null;
    return { checkId: check.id, status: 'ok', output: 'Agent reporting again', at, latencyMs: null };
  }
}

/** Item times as the server's clock would have said (shifted by the agent's estimated offset), never in the future. */
function clockCorrection(shift: number, received: Date): (text: string) => Date {
  return (text) => {
    const t = new Date(text).getTime();
    if (Number.isNaN(t)) return received;
    const corrected = t + shift;
    return corrected > received.getTime() + FUTURE_TOLERANCE_MS ? received : new Date(corrected);
  };
}

/** A perfdata label as a series name part (`/var`, `load1`): lower-case, spaces and odd characters folded to `_`. */
function perfName(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9_./-]+/g, '_')
      .slice(0, 60) || 'value'
  );
}
