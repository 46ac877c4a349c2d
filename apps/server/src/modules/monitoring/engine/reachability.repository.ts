import { effectiveHostStates } from '@vigie/domain';
import type { Db } from '../../../db/connection.js';
import { hostChecksOf, parentsOf } from '../checks/checks.repository.js';

const MAX_DEPTH = 8;

/**
 * Whether an asset in trouble is cut off behind its `connected_to` parents (DOMAIN §6): climbs the parents (a few
 * levels), takes each one's host checks (any failing one, soft or hard, means down) and lets the domain decide. The
 * asset itself counts as down: it is asked because one of its checks failed.
 */
export async function isCutOff(db: Db, assetId: string): Promise<boolean> {
  const parents = new Map<string, string[]>();
  let frontier = [assetId];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const edges = await parentsOf(db, frontier);
    const next: string[] = [];
    for (const edge of edges) {
      const list = parents.get(edge.source_id) ?? [];
      list.push(edge.target_id);
      parents.set(edge.source_id, list);
      if (!parents.has(edge.target_id)) next.push(edge.target_id);
    }
    frontier = next;
  }
  if (!parents.has(assetId)) return false;
  const ancestors = [...new Set([...parents.values()].flat())];
  const observed = new Map<string, 'up' | 'down'>();
  for (const check of await hostChecksOf(db, ancestors)) {
    if (check.status === 'critical' || check.status === 'unknown') observed.set(check.asset_id, 'down');
  }
  observed.set(assetId, 'down');
  return effectiveHostStates(observed, parents).get(assetId) === 'unreachable';
}
