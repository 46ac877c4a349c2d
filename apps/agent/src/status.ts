import { existsSync, readdirSync } from 'node:fs';
import { memoryLog } from './log.js';
import { DiskQueue } from './queue.js';
import { AgentState } from './state.js';

/** `vigie-agent status`: who this agent is, for which server, and what waits in its queue — lines for a person. */
export function statusReport(stateDir: string): string[] {
  const state = new AgentState(stateDir);
  const identity = state.readIdentity();
  const queue = new DiskQueue(state.queueDir, state.rejectedDir, memoryLog());
  queue.open(true);
  const stats = queue.stats();
  const rejected = existsSync(state.rejectedDir)
    ? readdirSync(state.rejectedDir).filter((n) => n.endsWith('.json')).length
    : 0;
  const config = identity.config;
  return [
    `agent:      ${identity.agentId} (asset ${identity.assetId})`,
    `server:     ${identity.server}`,
    `enrolled:   ${identity.enrolledAt}`,
    `config:     version ${config.version}: metrics every ${config.metricsSeconds} s, inventory every ${config.inventoryHours} h, updates every ${config.updatesHours} h, ${config.plugins.length} plugin(s), ${config.services.length} service(s) watched`,
    `queue:      ${stats.batches} batch(es) waiting (${stats.bytes} bytes), last sequence ${stats.lastSeq}`,
    `rejected:   ${rejected} batch(es) refused by the server in ${state.rejectedDir}`,
  ];
}
