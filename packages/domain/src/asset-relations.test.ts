import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssetRelationEdge, createsHostingCycle, impactOf, RELATION_KINDS } from './asset-relations.js';

const edge = (sourceId: string, kind: AssetRelationEdge['kind'], targetId: string): AssetRelationEdge => ({
  sourceId,
  kind,
  targetId,
});

describe('impact of a failing asset', () => {
  const edges = [
    edge('switch', 'connected_to', 'router'),
    edge('host', 'connected_to', 'switch'),
    edge('host', 'protected_by', 'ups'),
    edge('vm', 'runs_on', 'host'),
    edge('db', 'runs_on', 'vm'),
    edge('app', 'depends_on', 'db'),
    edge('repo', 'backs_up', 'vm'),
  ];

  it('walks every dependant, nearest first, with the relation it came through', () => {
    expect(impactOf('router', edges)).toEqual([
      { assetId: 'switch', depth: 1, via: 'connected_to', throughId: 'router' },
      { assetId: 'host', depth: 2, via: 'connected_to', throughId: 'switch' },
      { assetId: 'vm', depth: 3, via: 'runs_on', throughId: 'host' },
      { assetId: 'db', depth: 4, via: 'runs_on', throughId: 'vm' },
      { assetId: 'app', depth: 5, via: 'depends_on', throughId: 'db' },
    ]);
  });

  it('counts a UPS failure against what it protects', () => {
    expect(impactOf('ups', edges).map((i) => i.assetId)).toEqual(['host', 'vm', 'db', 'app']);
  });

  it('counts a backup repository failure against what it backs up', () => {
    expect(impactOf('repo', edges).map((i) => i.assetId)).toEqual(['vm', 'db', 'app']);
  });

  it('ends on cycles and never lists the asset itself', () => {
    const ring = [edge('a', 'connected_to', 'b'), edge('b', 'connected_to', 'c'), edge('c', 'connected_to', 'a')];
    expect(impactOf('a', ring).map((i) => i.assetId)).toEqual(['c', 'b']);
  });

  it('lists each dependant once, at its shortest depth (property)', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const edgeArb = fc.record({ sourceId: ids, kind: fc.constantFrom(...RELATION_KINDS), targetId: ids });
    fc.assert(
      fc.property(fc.array(edgeArb, { maxLength: 15 }), ids, (graph, start) => {
        const result = impactOf(start, graph);
        const names = result.map((r) => r.assetId);
        expect(new Set(names).size).toBe(names.length);
        expect(names).not.toContain(start);
        for (let i = 1; i < result.length; i++)
          expect(result[i]?.depth).toBeGreaterThanOrEqual(result[i - 1]?.depth ?? 0);
      }),
    );
  });

  it('refuses a hosting loop', () => {
    const hosting = [edge('vm', 'runs_on', 'host'), edge('container', 'runs_on', 'vm')];
    expect(createsHostingCycle(edge('host', 'runs_on', 'container'), hosting)).toBe(true);
    expect(createsHostingCycle(edge('host', 'runs_on', 'host'), hosting)).toBe(true);
    expect(createsHostingCycle(edge('db', 'runs_on', 'vm'), hosting)).toBe(false);
    expect(createsHostingCycle(edge('host', 'depends_on', 'container'), hosting)).toBe(false);
  });
});
