/**
 * The maintenance windows held in memory, per client, because the engine asks "is this check in maintenance?" on every
 * check result. Reloaded from the database when older than 30 s (so a window written by another server process
 * applies within that time) and dropped at once on this process's own writes. Each window memoises its occurrences
 * around the instants asked, so a recurring rule is expanded once per reload, not once per result.
 */
import type { Interval } from '@vigie/domain';
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { occurrences } from './maintenance-recurrence.js';
import type { KnownWindow } from './maintenance-windows.js';

const HOUR_MS = 3_600_000;
/** How far around a query a window's occurrences are expanded and kept. */
const MEMO_BEFORE_MS = 7 * 24 * HOUR_MS;
const MEMO_AFTER_MS = 24 * HOUR_MS;
/** Longer queries (a month's availability) are answered without being kept. */
const MEMO_MAX_SPAN_MS = 40 * 24 * HOUR_MS;

interface CachedWindow {
  window: KnownWindow;
  memo: { from: number; to: number; intervals: Interval[] } | null;
}

export class MaintenanceCache {
  private byClient: Map<string, CachedWindow[]> | null = null;
  private loadedAt = 0;
  private loading: Promise<Map<string, CachedWindow[]>> | null = null;
  private generation = 0;

  constructor(
    private readonly load: (db?: Db) => Promise<KnownWindow[]>,
    private readonly clock: Clock,
    private readonly ttlMs = 30_000,
  ) {}

  /** Forget what is held: the next question reads the database. */
  invalidate(): void {
    this.generation++;
    this.byClient = null;
    this.loading = null;
  }

  /**
   * Every window, per client. `db` is the caller's transaction when it holds one: a stale cache is then reloaded
   * through it (SQLite has one connection; waiting for another would wait for this very transaction).
   */
  async clients(db?: Db): Promise<Map<string, CachedWindow[]>> {
    const now = this.clock.now().getTime();
    if (this.byClient && Math.abs(now - this.loadedAt) < this.ttlMs) return this.byClient;
    if (db) {
      const generation = this.generation;
      const byClient = groupByClient(await this.load(db));
      if (generation === this.generation) {
        this.byClient = byClient;
        this.loadedAt = now;
      }
      return byClient;
    }
    if (!this.loading) {
      const generation = this.generation;
      this.loading = this.load().then((windows) => {
        const byClient = groupByClient(windows);
        if (generation === this.generation) {
          this.byClient = byClient;
          this.loadedAt = now;
          this.loading = null;
        }
        return byClient;
      });
      this.loading.catch(() => {
        if (generation === this.generation) this.loading = null;
      });
    }
    return this.loading;
  }

  async windowsOf(clientId: string, db?: Db): Promise<CachedWindow[]> {
    return (await this.clients(db)).get(clientId) ?? [];
  }
}

function groupByClient(windows: KnownWindow[]): Map<string, CachedWindow[]> {
  const byClient = new Map<string, CachedWindow[]>();
  for (const window of windows) {
    const list = byClient.get(window.clientId) ?? [];
    list.push({ window, memo: null });
    byClient.set(window.clientId, list);
  }
  return byClient;
}

/** A cached window's occurrences overlapping [from, to), from its memo when the memo spans them. */
export function cachedOccurrences(cached: CachedWindow, from: Date, to: Date): Interval[] {
  const f = from.getTime();
  const t = to.getTime();
  const memo = cached.memo;
  if (!memo || f < memo.from || t > memo.to) {
    if (t - f > MEMO_MAX_SPAN_MS) return occurrences(cached.window, from, to);
    const span = { from: f - MEMO_BEFORE_MS, to: t + MEMO_AFTER_MS };
    cached.memo = { ...span, intervals: occurrences(cached.window, new Date(span.from), new Date(span.to)) };
  }
  return (cached.memo as NonNullable<CachedWindow['memo']>).intervals.filter(
    (o) => o.start.getTime() < t && o.end.getTime() > f,
  );
}
