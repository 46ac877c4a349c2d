/**
 * Root cause over dependencies (DOMAIN §6): an asset whose parents (`connected_to` router, switch, firewall, or its
 * site link) are all down or themselves unreachable is *unreachable*, not down — so a dead site router gives one
 * root-cause alert instead of one per machine behind it. An asset with no parent is never unreachable.
 */
export type HostState = 'up' | 'down' | 'unreachable';

/**
 * `observed`: what each asset's own checks say (`up`/`down`; absent = up); `parents`: each asset's parents.
 * Returns the effective state of every asset named in either map. Cycles in the parent graph are cut (an asset
 * reached again while it is being resolved counts as up for that path).
 */
export function effectiveHostStates(
  observed: ReadonlyMap<string, 'up' | 'down'>,
  parents: ReadonlyMap<string, readonly string[]>,
): Map<string, HostState> {
  const result = new Map<string, HostState>();
  const resolving = new Set<string>();

  const stateOf = (id: string): HostState => {
    const known = result.get(id);
    if (known) return known;
    if (resolving.has(id)) return 'up';
    resolving.add(id);
    const own = observed.get(id) ?? 'up';
    let state: HostState = own;
    if (own === 'down') {
      const mine = parents.get(id) ?? [];
      const cutOff = mine.length > 0 && mine.every((parent) => stateOf(parent) !== 'up');
      state = cutOff ? 'unreachable' : 'down';
    }
    resolving.delete(id);
    result.set(id, state);
    return state;
  };

  for (const id of new Set([...observed.keys(), ...parents.keys()])) stateOf(id);
  return result;
}
