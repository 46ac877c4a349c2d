import { expect } from '@playwright/test';
import { createTransport } from 'nodemailer';
import type { CaughtMail } from './support/mail-catcher';

/** The demo server's SMTP intake and the catcher of its outbound mail (see playwright.config.ts). */
const PORT = Number(process.env.VIGIE_E2E_PORT ?? 8199);
const INTAKE = { host: '127.0.0.1', port: PORT + 1 };
const CATCHER = `http://127.0.0.1:${PORT + 3}/messages`;
export const SUPPORT_ADDRESS = 'support@vigie.local';

/** Sends a mail to the helpdesk over real SMTP, as a person's mail client would. */
export async function mailHelpdesk(mail: {
  from: string;
  subject: string;
  text: string;
  inReplyTo?: string;
  references?: string[];
}): Promise<void> {
  const transport = createTransport({ ...INTAKE, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: SUPPORT_ADDRESS, ...mail });
  } finally {
    transport.close();
  }
}

/** Waits until the catcher holds a mail to `to` that `matches`; returns it. */
export async function waitForMail(to: string, matches: (mail: CaughtMail) => boolean): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const all = (await (await fetch(CATCHER)).json()) as CaughtMail[];
        found = all.find((m) => m.to.includes(to.toLowerCase()) && matches(m));
        return found !== undefined;
      },
      { timeout: 30_000, message: `a mail to ${to}` },
    )
    .toBe(true);
  return found as CaughtMail;
}
