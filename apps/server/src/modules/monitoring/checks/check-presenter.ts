import type { CheckConfig, CheckView } from '@vigie/contracts';
import { fromJson } from '../../../db/dialect.js';
import type { CheckWithNames } from './checks.repository.js';

/** A check as the console shows it; `inMaintenance` comes from the calendar, not the row. */
export function presentCheck(row: CheckWithNames, inMaintenance: boolean): CheckView {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    assetId: row.asset_id,
    assetName: row.asset_name,
    agentId: row.agent_id,
    kind: row.kind as CheckView['kind'],
    name: row.name,
    config: fromJson<CheckConfig>(row.config),
    intervalSeconds: row.interval_seconds,
    timeoutMs: row.timeout_ms,
    maxAttempts: row.max_attempts,
    hostCheck: row.host_check === 1,
    enabled: row.enabled === 1,
    status: row.status as CheckView['status'],
    hard: row.hard === 1,
    attempt: row.attempt,
    reachability: row.reachability === 'unreachable' ? 'unreachable' : 'up',
    flapping: row.flapping === 1,
    inMaintenance,
    output: row.output,
    latencyMs: row.latency_ms,
    lastResultAt: row.last_result_at,
    stateSince: row.state_since,
  };
}
