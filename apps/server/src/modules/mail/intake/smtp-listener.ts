/**
 * The SMTP listener (RFC 5321) feeding mail intake. SIZE is advertised; a bigger message is answered 552 with a
 * sentence. A message is answered 250 only once it is stored (raw source included); when the database cannot take it,
 * 451 4.3.0: the sending server keeps it and retries. STARTTLS is off (smtp-server's built-in certificate is expired):
 * put the listener behind the MTA that receives the domain's mail, or on a private network.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { MailIntakeService } from './mail-intake.service.js';

export interface SmtpListener {
  port: number;
  stop(): Promise<void>;
}

type SmtpError = Error & { responseCode?: number };

function smtpError(code: number, message: string): SmtpError {
  const error: SmtpError = new Error(message);
  error.responseCode = code;
  return error;
}

export async function startSmtpListener(
  intake: MailIntakeService,
  options: { host: string; port: number; maxMessageBytes: number; onError?: (error: unknown) => void },
): Promise<SmtpListener> {
  const maxMb = Math.round((options.maxMessageBytes / (1024 * 1024)) * 10) / 10;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    banner: 'Vigie mail intake',
    size: options.maxMessageBytes,
    maxClients: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let answered = false;
      const answer = (error: Error | null, message?: string) => {
        if (answered) return;
        answered = true;
        callback(error, message);
      };
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => answer(error));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          answer(smtpError(552, `5.3.4 Message too big: this helpdesk takes messages up to ${maxMb} MB`));
          return;
        }
        const envelopeSender = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        intake.receive(Buffer.concat(chunks), 'smtp', envelopeSender).then(
          (stored) => answer(null, stored.duplicate ? 'Already received, thank you' : `Queued as ${stored.id}`),
          (error: unknown) => {
            options.onError?.(error);
            answer(smtpError(451, '4.3.0 Temporary failure storing the message: please try again later'));
          },
        );
      });
    },
  });
  server.on('error', (error) => options.onError?.(error));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
