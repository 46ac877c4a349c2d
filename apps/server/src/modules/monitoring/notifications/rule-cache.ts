/**
 * The notification rules as routing needs them, kept in memory: queueing runs at every alert change (the ingest
 * bench wants 10,000 new alerts a second) and must not read the rules each time. Reloaded every 10 seconds, so
 * other processes' changes arrive within that; this process's changes invalidate it at once.
 */
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import type { RoutableRule } from './notification-routing.js';
import { loadRulesForRouting } from './notification-rules.repository.js';

const TTL_MS = 10_000;

export class RuleCache {
  private rules: RoutableRule[] | null = null;
  private loadedAt = 0;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = TTL_MS,
  ) {}

  /** The rules, loaded through the caller's connection (its transaction) when stale. */
  async get(db: Db): Promise<readonly RoutableRule[]> {
    const now = this.clock.now().getTime();
    if (this.rules && now - this.loadedAt < this.ttlMs && now >= this.loadedAt) return this.rules;
    const { rules, teamClients } = await loadRulesForRouting(db);
    const clientsOfTeam = new Map<string, Set<string>>();
    for (const tc of teamClients) {
      const set = clientsOfTeam.get(tc.team_id) ?? new Set<string>();
      set.add(tc.client_id);
      clientsOfTeam.set(tc.team_id, set);
    }
    this.rules = rules.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      teamClientIds: r.team_id ? (clientsOfTeam.get(r.team_id) ?? new Set<string>()) : null,
      minSeverity: r.min_severity,
      enabled: r.enabled === 1,
    }));
    this.loadedAt = now;
    return this.rules;
  }

  /** After a change to the rules in this process. */
  invalidate(): void {
    this.rules = null;
  }
}
