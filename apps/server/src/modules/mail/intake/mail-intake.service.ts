/**
 * The one intake path of SMTP and IMAP: a raw message is stored (with its raw source) in one transaction before the
 * channel acknowledges it; it is processed right after, in-process; a message left `received` (a crash, the database
 * gone mid-way) is taken again by {@link reprocessStale}. Same Message-ID twice: stored once, processed once.
 */
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { dialectOf } from '../../../db/dialect.js';
import { countFailedAttempt, insertReceived, receivedBefore, recordOutcome } from './inbound-mail.repository.js';
import type { IntakeProcessor, ProcessResult } from './intake-processor.js';
import { messageIdOfRaw, rawSummaryOf } from './raw-headers.js';

/** Processing failures (not verdicts: the database failing, a bug) before a message is put in quarantine. */
export const MAX_PROCESSING_ATTEMPTS = 5;
/**
 * How the background worker keeps up with a burst. SQLite has one connection: one worker takes the waiting messages
 * together, up to 25 in one transaction (one commit for all). PostgreSQL's time goes in round trips: six workers
 * process one message each at a time, on their own connections (one message per transaction, so that two workers
 * never hold a counter and a ticket in crossed order).
 */
const PARALLELISM = { sqlite: { workers: 1, batch: 25 }, postgres: { workers: 6, batch: 1 } } as const;

export interface Stored {
  id: string;
  messageId: string;
  duplicate: boolean;
}

export class MailIntakeService {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly waiting: string[] = [];
  private workers = 0;
  private readonly parallelism: { workers: number; batch: number };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly processor: IntakeProcessor,
  ) {
    this.parallelism = PARALLELISM[dialectOf(db)];
  }

  /** Told of every failed processing attempt (main.ts logs them). */
  onError: (error: unknown, mailId: string) => void = () => {};

  /**
   * Stores one message as received. The SMTP listener gives the envelope sender, recorded as a Return-Path header in
   * front of the message, as a delivering MTA does (RFC 5321 §4.4): the null sender `<>` marks a bounce.
   * Throws when the database cannot take it: the channel must then refuse for now (SMTP 451) or retry (IMAP).
   */
  async store(
    raw: Uint8Array,
    channel: 'smtp' | 'imap',
    envelopeSender?: string | null,
    sizeBytes?: number,
  ): Promise<Stored> {
    const bytes =
      envelopeSender === undefined
        ? raw
        : Buffer.concat([Buffer.from(`Return-Path: <${(envelopeSender ?? '').replace(/[<>\r\n]/g, '')}>\r\n`), raw]);
    const messageId = messageIdOfRaw(raw);
    const summary = rawSummaryOf(raw);
    const at = this.clock.now().toISOString();
    const stored = await this.db.transaction().execute((trx) =>
      insertReceived(trx, {
        messageId,
        channel,
        raw: bytes,
        sizeBytes,
        subject: summary.subject,
        from: summary.from,
        at,
      }),
    );
    return { ...stored, messageId };
  }

  /** Stores, then processes in the background (the channel has its answer as soon as the message is stored). */
  /** `sizeBytes`: the real size of a message of which only the headers were fetched (it is then refused whole). */
  async receive(
    raw: Uint8Array,
    channel: 'smtp' | 'imap',
    envelopeSender?: string | null,
    sizeBytes?: number,
  ): Promise<Stored> {
    const stored = await this.store(raw, channel, envelopeSender, sizeBytes);
    if (!stored.duplicate) this.processSoon(stored.id);
    return stored;
  }

  /**
   * Queues a stored message for the background workers (see {@link PARALLELISM}). A batch runs in one transaction,
   * each message in its own savepoint: a message that fails is rolled back alone, then retried on its own (where its
   * failure is counted).
   */
  private processSoon(mailId: string): void {
    this.waiting.push(mailId);
    while (this.workers < this.parallelism.workers && this.workers < this.waiting.length) {
      this.workers++;
      const worker = (async () => {
        while (this.waiting.length > 0) await this.processBatch(this.waiting.splice(0, this.parallelism.batch));
      })().finally(() => {
        this.workers--;
      });
      this.track(worker);
    }
  }

  private async processBatch(ids: string[]): Promise<void> {
    if (ids.length === 1) {
      await this.process(ids[0] as string);
      return;
    }
    let failed: string[] = [];
    try {
      const trx = await this.db.startTransaction().execute();
      try {
        for (const [i, id] of ids.entries()) {
          const savepoint = await trx.savepoint(`mail_${i}`).execute();
          try {
            await this.processor.processIn(savepoint, id);
            await savepoint.releaseSavepoint(`mail_${i}`).execute();
          } catch {
            await savepoint.rollbackToSavepoint(`mail_${i}`).execute();
            failed.push(id);
          }
        }
        await trx.commit().execute();
      } catch (error) {
        await trx
          .rollback()
          .execute()
          .catch(() => {});
        throw error;
      }
    } catch {
      failed = ids;
    }
    for (const id of failed) await this.process(id);
  }

  /** Processes one message now; a failure is counted and left for the next pass (quarantine after a few). */
  async process(mailId: string): Promise<ProcessResult | null> {
    try {
      return await this.db.transaction().execute((trx) => this.processor.processIn(trx, mailId));
    } catch (error) {
      this.onError(error, mailId);
      await this.countFailure(mailId, error);
      return null;
    }
  }

  private async countFailure(mailId: string, error: unknown): Promise<void> {
    const at = this.clock.now().toISOString();
    try {
      const attempts = await countFailedAttempt(this.db, mailId, String((error as Error)?.message ?? error), at);
      if (attempts >= MAX_PROCESSING_ATTEMPTS) {
        await this.db.transaction().execute((trx) =>
          recordOutcome(trx, mailId, {
            status: 'quarantined',
            kind: 'malformed',
            error: `Processing failed ${attempts} times: ${String((error as Error)?.message ?? error)}`.slice(0, 1000),
            at,
          }),
        );
      }
    } catch {
      // The database is away: the message stays received, and the next pass takes it again.
    }
  }

  /** Messages stored at least `olderThanMs` ago and never processed (the job's pass). */
  async reprocessStale(olderThanMs: number, limit = 100): Promise<number> {
    const before = new Date(this.clock.now().getTime() - olderThanMs).toISOString();
    const ids = await receivedBefore(this.db, before, limit);
    for (const id of ids) await this.process(id);
    return ids.length;
  }

  /** Resolves once every background processing started so far is done (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(promise: Promise<unknown>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }
}
