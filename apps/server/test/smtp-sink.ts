/**
 * A real SMTP server on loopback that keeps every message it accepts: the relay of the tests (outbound mail is
 * sent to it over a real socket, then read back parsed). No STARTTLS, no authentication.
 *
 *   const sink = await startSmtpSink();                  // relay URL: sink.url
 *   await sink.waitFor(2);                                // two messages received
 *   sink.messages[0].parsed.subject
 *
 * `refuseFirst: n` answers the first n messages with a temporary failure (451) after their data was sent, as a
 * relay that is busy would; `refuseCode: 550` makes those refusals permanent instead.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';

export interface SinkMessage {
  raw: Buffer;
  parsed: ParsedMail;
  envelope: { from: string | null; to: string[] };
}

export interface SmtpSink {
  url: string;
  port: number;
  /** Accepted messages, in the order they arrived. */
  messages: SinkMessage[];
  /** How many messages were refused so far (refuseFirst). */
  refused(): number;
  /** Resolves once `count` messages were accepted; rejects after `timeoutMs` (default 5 s) naming what it got. */
  waitFor(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
  stop(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Refuse this many messages before accepting any (default 0). */
  refuseFirst?: number;
  /** The SMTP code of those refusals: 451 (temporary, the default) or a 5xx (permanent). */
  refuseCode?: number;
}

function envelopeOf(envelope: SMTPServerEnvelope): SinkMessage['envelope'] {
  const from = envelope.mailFrom === false ? null : envelope.mailFrom.address;
  return { from, to: envelope.rcptTo.map((r) => r.address) };
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const waiters = new Set<() => void>();
  let toRefuse = options.refuseFirst ?? 0;
  let refusedCount = 0;
  const code = options.refuseCode ?? 451;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    banner: 'Vigie test sink',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          refusedCount += 1;
          const refusal = new Error(
            code >= 500 ? 'Mailbox unavailable (test sink)' : 'Try again later (test sink)',
          ) as Error & { responseCode: number };
          refusal.responseCode = code;
          callback(refusal);
          return;
        }
        const raw = Buffer.concat(chunks);
        const envelope = envelopeOf(session.envelope);
        simpleParser(raw)
          .then((parsed) => {
            messages.push({ raw, parsed, envelope });
            for (const wake of waiters) wake();
            callback(null, 'Queued by the test sink');
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    refused: () => refusedCount,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const subjects = messages.map((m) => m.parsed.subject ?? '(no subject)').join(' | ');
          reject(new Error(`SMTP sink: ${messages.length} of ${count} messages after ${timeoutMs} ms: ${subjects}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
