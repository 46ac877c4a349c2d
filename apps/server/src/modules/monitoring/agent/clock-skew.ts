/** An agent clock further off than this is corrected by the offset the server estimates. */
const TOLERANCE_MS = 60_000;
const WINDOW = 16;
const MAX_AGENTS = 100_000;

/**
 * Each agent's clock offset as this server process sees it. One batch's `received − sentAt` is the offset plus its
 * transit delay, and a delay is never negative — a request that waited in a stalled server's queue looks exactly like
 * a late clock. The smallest of an agent's last 16 differences is therefore the best estimate of its offset: a
 * genuinely skewed clock shows in every batch, a delayed request in one.
 */
export class ClockSkew {
  private readonly recent = new Map<string, number[]>();

  /** Records this batch's difference and answers the shift to apply to its times (0 within the tolerance). */
  shiftFor(agentId: string, sentAt: Date, received: Date): number {
    if (Number.isNaN(sentAt.getTime())) return 0;
    const seen = this.recent.get(agentId) ?? [];
    seen.push(received.getTime() - sentAt.getTime());
    if (seen.length > WINDOW) seen.shift();
    if (!this.recent.has(agentId) && this.recent.size >= MAX_AGENTS) this.recent.clear();
    this.recent.set(agentId, seen);
    const offset = Math.min(...seen);
    return Math.abs(offset) > TOLERANCE_MS ? offset : 0;
  }
}
