/**
 * The mailbox of the browser tests: a real SMTP server the e2e Vigie relays its outbound mail to, and a small
 * HTTP endpoint the specs read it through (`GET /messages` → every message received, parsed).
 *
 *   node --import tsx e2e/support/mail-catcher.ts <smtpPort> <httpPort>
 */
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  from: string | null;
  subject: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  text: string;
  html: string;
  receivedAt: string;
}

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
if (!smtpPort || !httpPort) {
  console.error('usage: mail-catcher.ts <smtpPort> <httpPort>');
  process.exit(2);
}

const caught: CaughtMail[] = [];

const smtp = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const references = mail.references ?? [];
        caught.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address,
          subject: mail.subject ?? '',
          messageId: mail.messageId ?? null,
          inReplyTo: mail.inReplyTo ?? null,
          references: Array.isArray(references) ? references : [references],
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
smtp.listen(smtpPort, '127.0.0.1');

createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(request.url?.startsWith('/messages') ? caught : { smtpPort, count: caught.length }));
}).listen(httpPort, '127.0.0.1');
