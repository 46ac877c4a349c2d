import type { AgentApi, ApiFailure } from './api-client.js';
import type { Log } from './log.js';
import type { BatchAck } from './protocol.js';
import type { DiskQueue } from './queue.js';

/** Retry delays after a network error or a 5xx: 1 s, doubling, at most a minute. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
}
export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 60_000 };

/** What the sender tells the daemon: each acknowledgement (config version), and the end when the credential is refused. */
export interface SenderEvents {
  acknowledged(ack: BatchAck): Promise<void> | void;
  unauthorized(failure: ApiFailure): void;
}

/**
 * Sends the queue to the server, oldest first, one batch at a time, stamping `sentAt` with this machine's clock.
 * A batch leaves the disk only when the server acknowledged it; unreachable or failing server → retry with backoff;
 * refused (400, 413) → set aside in rejected/; 401 → stop sending and keep everything.
 */
export class Sender {
  private running = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs: number;
  private failing = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly queue: DiskQueue,
    private readonly api: AgentApi,
    private readonly log: Log,
    private readonly events: SenderEvents,
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
    private readonly verbose = false,
  ) {
    this.delayMs = backoff.initialMs;
  }

  /** Something was queued: send now unless a send is running or a retry is already waiting its turn. */
  wake(): void {
    if (this.stopped || this.running || this.retryTimer) return;
    this.idle = this.drain();
  }

  /** No more sends; resolves once the one in flight (if any) is over. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.idle;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (!this.stopped) {
        const batch = this.queue.oldest();
        if (!batch) return;
        const result = await this.api.sendBatch({
          seq: batch.seq,
          sentAt: new Date().toISOString(),
          agentVersion: batch.agentVersion,
          items: batch.items,
        });
        if (result.ok) {
          const ack = result.value;
          if (ack.acknowledged < batch.seq) {
            this.retryLater(`the server acknowledged ${ack.acknowledged}, not batch ${batch.seq}`);
            return;
          }
          this.queue.remove(batch.seq);
          if (this.failing) {
            this.log.info(`the server answers again: sending the ${this.queue.stats().batches} batch(es) still queued`);
          }
          this.failing = false;
          this.delayMs = this.backoff.initialMs;
          if (this.verbose) {
            this.log.info(
              `sent batch ${batch.seq}${ack.duplicate ? ' (already received: a replay)' : ''}: ${ack.accepted} item(s) stored`,
            );
          }
          for (const refused of ack.rejected) {
            this.log.warn(`batch ${batch.seq}: item ${refused.index} was refused by the server: ${refused.reason}`);
          }
          await this.events.acknowledged(ack);
          continue;
        }
        if (result.kind === 'refused') {
          this.queue.reject(batch.seq, result.message);
          continue;
        }
        if (result.kind === 'unauthorized') {
          this.stopped = true;
          this.events.unauthorized(result);
          return;
        }
        this.retryLater(result.message);
        return;
      }
    } finally {
      this.running = false;
    }
  }

  private retryLater(reason: string): void {
    const { batches } = this.queue.stats();
    this.log.warn(`cannot send (${reason}); ${batches} batch(es) kept on disk, next try in ${this.delayMs / 1000} s`);
    this.failing = true;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.wake();
    }, this.delayMs);
    this.delayMs = Math.min(this.delayMs * 2, this.backoff.maxMs);
  }
}
