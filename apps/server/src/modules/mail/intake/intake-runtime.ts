/**
 * Mail intake started and stopped with the server: the SMTP listener (VIGIE_SMTP_PORT on VIGIE_SMTP_HOST; 0
 * disables it), the IMAP poller (when VIGIE_IMAP_URL is set) and the job taking again unprocessed messages.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../../config.js';
import type { Services } from '../../../http/services.js';
import { ImapPoller, imapTargetOf } from './imap-poller.js';
import { ReprocessJob } from './reprocess-job.js';
import { type SmtpListener, startSmtpListener } from './smtp-listener.js';

export interface RunningIntake {
  /** The port the SMTP listener answers on; null when disabled. */
  smtpPort: number | null;
  stop(): Promise<void>;
}

export async function startMailIntake(
  config: Pick<Config, 'smtpPort' | 'mail' | 'jobs'>,
  services: Services,
  log: FastifyBaseLogger,
): Promise<RunningIntake> {
  services.mailIntake.onError = (error, mailId) => log.error({ err: error, mailId }, 'Inbound mail processing failed');
  let listener: SmtpListener | null = null;
  if (config.smtpPort !== 0) {
    listener = await startSmtpListener(services.mailIntake, {
      host: config.mail.smtpHost,
      port: config.smtpPort,
      maxMessageBytes: config.mail.maxMessageBytes,
      onError: (error) => log.warn({ err: error }, 'SMTP intake could not store a message'),
    });
  }
  const poller = config.mail.imapUrl
    ? new ImapPoller(services.mailIntake, imapTargetOf(config.mail.imapUrl), config.mail.maxMessageBytes, (error) =>
        log.error({ err: error }, 'IMAP poll failed'),
      )
    : null;
  poller?.start(config.mail.imapIntervalMs);
  const job = new ReprocessJob(services.mailIntake, (error) =>
    log.error({ err: error }, 'Inbound mail re-processing failed'),
  );
  job.start(config.jobs.intervalMs);
  return {
    smtpPort: listener?.port ?? null,
    async stop() {
      await poller?.stop();
      await listener?.stop();
      await job.stop();
    },
  };
}
