/**
 * Polls an existing mailbox (VIGIE_IMAP_URL = imaps://user:password@host:993/INBOX) every interval: each unseen
 * message goes through the same intake path as SMTP (stored, then processed; idempotent on Message-ID), and is
 * flagged \Seen only once its storing committed, so that a crash or a database failure leaves it unseen for the
 * next pass. Passes never overlap.
 */
import { ImapFlow } from 'imapflow';
import type { MailIntakeService } from './mail-intake.service.js';

export interface ImapTarget {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
}

export function imapTargetOf(url: string): ImapTarget {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  if (!secure && u.protocol !== 'imap:') throw new Error('VIGIE_IMAP_URL must start with imap:// or imaps://');
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.replace(/^\/+/, '')) || 'INBOX',
  };
}

/** Messages fetched per pass at most: a full mailbox is worked through over several passes. */
const BATCH = 200;

export class ImapPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly intake: MailIntakeService,
    private readonly target: ImapTarget,
    /** Larger messages are not downloaded: their headers are stored and the sender gets the size refusal. */
    private readonly maxMessageBytes: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** One pass: how many messages were stored (duplicates included) and flagged. */
  async pollOnce(): Promise<number> {
    const client = new ImapFlow({
      host: this.target.host,
      port: this.target.port,
      secure: this.target.secure,
      doSTARTTLS: this.target.secure ? undefined : false,
      auth: { user: this.target.user, pass: this.target.password },
      logger: false,
    });
    client.on('error', this.onError);
    await client.connect();
    let taken = 0;
    try {
      const lock = await client.getMailboxLock(this.target.mailbox);
      try {
        const found = await client.search({ seen: false }, { uid: true });
        const uids = (found || []).slice(0, BATCH);
        for (const uid of uids) {
          const sized = await client.fetchOne(String(uid), { size: true }, { uid: true });
          if (sized === false) continue;
          const oversize = (sized.size ?? 0) > this.maxMessageBytes;
          const message = await client.fetchOne(String(uid), oversize ? { headers: true } : { source: true }, {
            uid: true,
          });
          const raw = message === false ? undefined : oversize ? message.headers : message.source;
          if (!raw) continue;
          await this.intake.receive(raw, 'imap', undefined, oversize ? sized.size : undefined);
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          taken++;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return taken;
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    const pass = () => {
      if (this.running) return;
      this.running = this.pollOnce()
        .catch(this.onError)
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = setInterval(pass, intervalMs);
    this.timer.unref();
    pass();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
