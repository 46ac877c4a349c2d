import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { syncDirectory, writeFileAtomic } from './atomic-file.js';
import type { Log } from './log.js';
import { BatchItem } from './protocol.js';

/** How much the queue may hold while the server is away: beyond either bound the oldest batches are dropped. */
export interface QueueLimits {
  maxBytes: number;
  maxBatches: number;
}

/** 100 MB or 20,000 batches: about two weeks of one-minute metrics, yet bounded on a small disk. */
export const DEFAULT_QUEUE_LIMITS: QueueLimits = { maxBytes: 100 * 1024 * 1024, maxBatches: 20_000 };

/** A batch as kept on disk: everything but `sentAt`, which is stamped when it is (re)sent. */
export const QueuedBatch = z.object({
  seq: z.number().int().positive(),
  agentVersion: z.string(),
  queuedAt: z.string(),
  items: z.array(BatchItem),
});
export type QueuedBatch = z.infer<typeof QueuedBatch>;

const BATCH_FILE = /^(\d{16})\.json$/;
const SEQ_FILE = 'last-seq';

interface Entry {
  seq: number;
  bytes: number;
}

/**
 * The on-disk queue between the collectors and the server. A batch gets the next sequence number (persisted before the
 * batch is written, so a number is never reused after a restart) and is written atomically before any send; the sender
 * takes the oldest, and it is deleted only once the server acknowledged it. Bounded: when full the oldest go first,
 * and the log says how many were lost.
 */
export class DiskQueue {
  private entries: Entry[] = [];
  private lastSeq = 0;

  constructor(
    private readonly dir: string,
    private readonly rejectedDir: string,
    private readonly log: Log,
    private readonly limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
  ) {}

  /**
   * Reads what a previous run left: batches still unacknowledged, the last number given; removes stray temporary files
   * unless `readOnly` (`vigie-agent status` looks while the daemon may be writing).
   */
  open(readOnly = false): void {
    const entries: Entry[] = [];
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith('.tmp-')) {
        if (readOnly) continue;
        unlinkSync(join(this.dir, name));
        continue;
      }
      const match = BATCH_FILE.exec(name);
      if (match) entries.push({ seq: Number(match[1]), bytes: statSync(join(this.dir, name)).size });
    }
    entries.sort((a, b) => a.seq - b.seq);
    this.entries = entries;
    const seqFile = join(this.dir, SEQ_FILE);
    const stored = existsSync(seqFile) ? Number.parseInt(readFileSync(seqFile, 'utf8'), 10) : 0;
    this.lastSeq = Math.max(Number.isFinite(stored) ? stored : 0, entries.at(-1)?.seq ?? 0);
  }

  /** Puts items in a new batch on disk and returns its sequence number. */
  enqueue(items: BatchItem[], agentVersion: string, now = new Date()): number {
    const seq = this.lastSeq + 1;
    writeFileAtomic(join(this.dir, SEQ_FILE), `${seq}\n`);
    this.lastSeq = seq;
    const batch: QueuedBatch = { seq, agentVersion, queuedAt: now.toISOString(), items };
    const content = JSON.stringify(batch);
    writeFileAtomic(this.path(seq), content);
    this.entries.push({ seq, bytes: Buffer.byteLength(content) });
    this.enforceLimits();
    return seq;
  }

  /** The oldest batch still to send, or null. A file that cannot be read back is set aside in rejected/. */
  oldest(): QueuedBatch | null {
    while (this.entries.length > 0) {
      const entry = this.entries[0] as Entry;
      try {
        return QueuedBatch.parse(JSON.parse(readFileSync(this.path(entry.seq), 'utf8')));
      } catch {
        this.reject(entry.seq, 'the file on disk is damaged');
      }
    }
    return null;
  }

  /** Forgets an acknowledged batch. */
  remove(seq: number): void {
    const index = this.entries.findIndex((entry) => entry.seq === seq);
    if (index < 0) return;
    this.entries.splice(index, 1);
    unlinkSync(this.path(seq));
    syncDirectory(this.dir);
  }

  /** Sets a batch the server refused aside (kept for a person to look at) and goes on with the next. */
  reject(seq: number, reason: string): void {
    const index = this.entries.findIndex((entry) => entry.seq === seq);
    if (index < 0) return;
    this.entries.splice(index, 1);
    renameSync(this.path(seq), join(this.rejectedDir, `${String(seq).padStart(16, '0')}.json`));
    syncDirectory(this.dir);
    this.log.warn(`batch ${seq} was refused (${reason}): moved to ${this.rejectedDir}, going on with the next`);
  }

  /** What is waiting: the console of `vigie-agent status` and the tests read it. */
  stats(): { batches: number; bytes: number; oldestSeq: number | null; lastSeq: number } {
    return {
      batches: this.entries.length,
      bytes: this.entries.reduce((sum, entry) => sum + entry.bytes, 0),
      oldestSeq: this.entries[0]?.seq ?? null,
      lastSeq: this.lastSeq,
    };
  }

  private enforceLimits(): void {
    let bytes = this.entries.reduce((sum, entry) => sum + entry.bytes, 0);
    let dropped = 0;
    // The newest batch always stays, even alone over the byte bound: it is the freshest measure.
    while (this.entries.length > 1 && (this.entries.length > this.limits.maxBatches || bytes > this.limits.maxBytes)) {
      const oldest = this.entries.shift() as Entry;
      bytes -= oldest.bytes;
      unlinkSync(this.path(oldest.seq));
      dropped++;
    }
    if (dropped > 0) {
      syncDirectory(this.dir);
      this.log.warn(
        `the queue is full (${this.limits.maxBatches} batches or ${this.limits.maxBytes} bytes): dropped the ${dropped} oldest batch(es) never sent`,
      );
    }
  }

  private path(seq: number): string {
    return join(this.dir, `${String(seq).padStart(16, '0')}.json`);
  }
}
