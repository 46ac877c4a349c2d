/**
 * Takes again the messages left `received` (stored, then the process stopped or the database failed before they were
 * processed). Waits a grace period so that it never races the in-process processing of a message just stored; on
 * PostgreSQL, several server processes may run it: each message is claimed with FOR UPDATE SKIP LOCKED.
 */
import type { MailIntakeService } from './mail-intake.service.js';

export const REPROCESS_GRACE_MS = 60_000;

export class ReprocessJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly intake: MailIntakeService,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.intake
        .reprocessStale(REPROCESS_GRACE_MS)
        .then(() => undefined, this.onError)
        .finally(() => {
          this.running = null;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.intake.drain();
  }
}
