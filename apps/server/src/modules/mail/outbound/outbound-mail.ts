/**
 * Outbound mail as a running duty of the server: every `intervalMs` (and at once when woken after a change) it
 * composes the mails the new ticket events call for, sends what is due, and queues the daily digests. Passes
 * never overlap in one process; across processes the claims (SKIP LOCKED on PostgreSQL) keep the work apart.
 */
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { DigestJob } from './digest.js';
import { MailSender, type SendResult } from './mail-sender.js';
import type { OutboundSettings } from './outbound-settings.js';
import { type ComposeResult, TicketMailComposer } from './ticket-mail-composer.js';

export interface OutboundPass {
  composed: ComposeResult;
  digests: number;
  sent: SendResult;
}

export class OutboundMail {
  readonly composer: TicketMailComposer;
  readonly sender: MailSender;
  readonly digests: DigestJob;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<OutboundPass> | null = null;
  private wokenDuringPass = false;
  private stopped = true;
  private onError: (error: unknown) => void = () => {};

  constructor(
    db: Db,
    clock: Clock,
    readonly settings: OutboundSettings,
  ) {
    this.composer = new TicketMailComposer(db, clock, settings);
    this.sender = new MailSender(db, clock, settings);
    this.digests = new DigestJob(db, clock, settings);
  }

  /** Where failed passes are reported (the server's log). */
  useErrorLog(onError: (error: unknown) => void): void {
    this.onError = onError;
  }

  /** One pass: compose, queue digests, send. Concurrent calls share the pass in flight. */
  pass(): Promise<OutboundPass> {
    if (!this.running) {
      this.running = this.runPass().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Called after a change that may call for mail: a pass soon, without waiting for the interval. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenDuringPass = true;
      return;
    }
    setImmediate(() => {
      this.pass().catch(this.onError);
    });
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => {
      this.pass().catch(this.onError);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    this.sender.close();
  }

  private async runPass(): Promise<OutboundPass> {
    this.wokenDuringPass = false;
    const composed = await this.composer.composeAll();
    const digests = await this.digests.queueDue();
    const sent = await this.sender.sendDue();
    if (this.wokenDuringPass && !this.stopped) setImmediate(() => this.wake());
    return { composed, digests, sent };
  }
}
