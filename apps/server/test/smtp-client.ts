/**
 * Sends mail to an SMTP server over a real socket (nodemailer's SMTP transport), as a sending mail server would:
 * the raw message as given, with its envelope. Resolves with the server's answer; rejects with its refusal
 * (`responseCode` 451, 552…).
 */
import nodemailer from 'nodemailer';

export interface SmtpAnswer {
  response: string;
}

export async function sendRaw(
  port: number,
  raw: string | Buffer,
  envelope: { from: string; to: string[] } = { from: 'sender@example.test', to: ['support@vigie.local'] },
): Promise<SmtpAnswer> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5000,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return { response: String(info.response) };
  } finally {
    transport.close();
  }
}

let counter = 0;

/** A plain message; headers override the defaults (pass `null` to leave one out). */
export function message(
  options: {
    from?: string;
    to?: string;
    cc?: string;
    subject?: string;
    body?: string;
    messageId?: string | null;
    headers?: Record<string, string>;
  } = {},
): string {
  counter++;
  const id = options.messageId === undefined ? `<test.${Date.now()}.${counter}@example.test>` : options.messageId;
  const lines = [
    `From: ${options.from ?? 'Someone <someone@example.test>'}`,
    `To: ${options.to ?? 'Support <support@vigie.local>'}`,
    ...(options.cc ? [`Cc: ${options.cc}`] : []),
    `Subject: ${options.subject ?? 'Printer down'}`,
    ...(id ? [`Message-ID: ${id}`] : []),
    'Date: Mon, 02 Mar 2026 10:00:00 +0100',
    'MIME-Version: 1.0',
    ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    ...(options.headers?.['Content-Type'] ? [] : ['Content-Type: text/plain; charset=utf-8']),
    '',
    options.body ?? 'The printer on the second floor does not print.',
    '',
  ];
  return lines.join('\r\n');
}
