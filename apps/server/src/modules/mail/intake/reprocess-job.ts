/**
 * Takes again the messages left `received` (stored, then the process stopped or the database failed before they were
 * processed). Waits a grace period so that it never races the in-process processing of a message just stored; on
 * PostgreSQL, several server processes may run it: each message is claimed with FOR UPDATE SKIP LOCKED.
 */
import { PeriodicJob } from '../../../jobs/periodic-job.js';
import type { MailIntakeService } from './mail-intake.service.js';

export const REPROCESS_GRACE_MS = 60_000;

export class ReprocessJob extends PeriodicJob<void> {
  constructor(
    private readonly intake: MailIntakeService,
    onError?: (error: unknown) => void,
  ) {
    super(onError);
  }

  protected async pass(): Promise<void> {
    await this.intake.reprocessStale(REPROCESS_GRACE_MS);
  }

  /** Also waits for the messages being processed in the background. */
  override async stop(): Promise<void> {
    await super.stop();
    await this.intake.drain();
  }
}
