/**
 * Series ids by asset and name, kept in the process: an agent's batch names the same few dozen series every minute,
 * and looking them up would cost a query per batch. Bounded; forgetting everything when full is cheap, as a miss
 * costs one indexed query.
 */
export class SeriesCache {
  private readonly ids = new Map<string, string>();

  constructor(private readonly capacity = 200_000) {}

  get(key: string): string | undefined {
    return this.ids.get(key);
  }

  set(key: string, id: string): void {
    if (this.ids.size >= this.capacity) this.ids.clear();
    this.ids.set(key, id);
  }

  clear(): void {
    this.ids.clear();
  }
}
