/**
 * DOMAIN §5 relations, read "source <kind> target":
 * a VM runs_on a hypervisor, an application depends_on a database, a switch is connected_to its router,
 * a backup repository backs_up a server, a server is protected_by a UPS or firewall.
 */
export const RELATION_KINDS = ['runs_on', 'depends_on', 'connected_to', 'backs_up', 'protected_by'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export interface AssetRelationEdge {
  sourceId: string;
  kind: RelationKind;
  targetId: string;
}

/** One asset hit when another fails, with how far and through which relation it was reached. */
export interface ImpactedAsset {
  assetId: string;
  depth: number;
  via: RelationKind;
  /** The asset it depends on in the chain (its parent in the impact tree). */
  throughId: string;
}

/**
 * Which side of an edge suffers when the other fails.
 * For runs_on, depends_on, connected_to and protected_by the source relies on the target.
 * For backs_up, the backed-up target loses its protection when the backup source fails.
 */
export function dependentOf(edge: AssetRelationEdge): { dependent: string; provider: string } {
  return edge.kind === 'backs_up'
    ? { dependent: edge.targetId, provider: edge.sourceId }
    : { dependent: edge.sourceId, provider: edge.targetId };
}

/**
 * Everything that depends, directly or not, on an asset: breadth-first so each asset gets its shortest chain;
 * cycles (A connected_to B connected_to A) terminate.
 */
export function impactOf(assetId: string, edges: readonly AssetRelationEdge[]): ImpactedAsset[] {
  const dependentsByProvider = new Map<string, { dependent: string; kind: RelationKind }[]>();
  for (const edge of edges) {
    const { dependent, provider } = dependentOf(edge);
    const list = dependentsByProvider.get(provider) ?? [];
    list.push({ dependent, kind: edge.kind });
    dependentsByProvider.set(provider, list);
  }
  const seen = new Set([assetId]);
  const result: ImpactedAsset[] = [];
  let frontier = [assetId];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const provider of frontier) {
      for (const { dependent, kind } of dependentsByProvider.get(provider) ?? []) {
        if (seen.has(dependent)) continue;
        seen.add(dependent);
        result.push({ assetId: dependent, depth, via: kind, throughId: provider });
        next.push(dependent);
      }
    }
    frontier = next;
  }
  return result;
}

/** Whether adding this edge would make an asset rely on itself through runs_on (a VM cannot host its host). */
export function createsHostingCycle(edge: AssetRelationEdge, edges: readonly AssetRelationEdge[]): boolean {
  if (edge.kind !== 'runs_on') return false;
  if (edge.sourceId === edge.targetId) return true;
  const hosts = new Map<string, string[]>();
  for (const e of edges) {
    if (e.kind !== 'runs_on') continue;
    hosts.set(e.sourceId, [...(hosts.get(e.sourceId) ?? []), e.targetId]);
  }
  const stack = [edge.targetId];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (current === edge.sourceId) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(hosts.get(current) ?? []));
  }
  return false;
}
