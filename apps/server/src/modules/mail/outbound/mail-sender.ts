/**
 * The sender: sends the due mails of the outbox through the SMTP relay (nodemailer, pooled), records each try in
 * `mail_attempts`, and retries temporary failures with a growing delay. A 5xx answer, or too many tries, ends in
 * `failed`; a mail queued while no relay is configured stays `held` until someone retries it.
 */

import { ticketReference } from '@vigie/domain';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { fromJson } from '../../../db/dialect.js';
import type { MailAddress } from '../outbox.repository.js';
import { carriesLinkToken, withoutLinkTokens } from './link-tokens.js';
import type { OutboundSettings } from './outbound-settings.js';
import { type ClaimedMail, claimDueMails, filesOfMail, recordTry } from './sender.repository.js';
import { autoSubmittedOf, isPermanentRefusal, nextTryDelayMs } from './ticket-mail-rules.js';

const BATCH = 20;
/** How long a claimed mail is left alone by others while this process sends it. */
const LEASE_MS = 10 * 60_000;
/** Mails sent at the same time, each over its own pooled SMTP connection. */
const PARALLEL_SENDS = 4;

export interface SendResult {
  sent: number;
  deferred: number;
  failed: number;
}

interface SmtpError {
  responseCode?: number;
  response?: string;
  message?: string;
  code?: string;
}

const bracketed = (id: string) => `<${id}>`;

export class MailSender {
  private transport: Transporter | null = null;
  private transportUrl: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: OutboundSettings,
  ) {}

  /** Sends everything due now, batch after batch. */
  async sendDue(): Promise<SendResult> {
    const result: SendResult = { sent: 0, deferred: 0, failed: 0 };
    if (!this.settings.relayUrl) return result;
    for (;;) {
      const now = this.clock.now();
      const batch = await claimDueMails(
        this.db,
        now.toISOString(),
        new Date(now.getTime() + LEASE_MS).toISOString(),
        BATCH,
      );
      // A few at once: the pooled transport keeps that many SMTP connections open to the relay.
      for (let i = 0; i < batch.length; i += PARALLEL_SENDS) {
        const outcomes = await Promise.all(batch.slice(i, i + PARALLEL_SENDS).map((mail) => this.sendOne(mail)));
        for (const outcome of outcomes) result[outcome] += 1;
      }
      if (batch.length < BATCH) return result;
    }
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
    this.transportUrl = null;
  }

  private transportFor(url: string): Transporter {
    if (!this.transport || this.transportUrl !== url) {
      this.transport?.close();
      const parsed = new URL(url);
      this.transport = nodemailer.createTransport({
        pool: true,
        maxConnections: PARALLEL_SENDS,
        host: parsed.hostname,
        port: Number(parsed.port) || (parsed.protocol === 'smtps:' ? 465 : 587),
        secure: parsed.protocol === 'smtps:',
        auth: parsed.username
          ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
          : undefined,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      });
      this.transportUrl = url;
    }
    return this.transport;
  }

  private async sendOne(mail: ClaimedMail): Promise<'sent' | 'deferred' | 'failed'> {
    const relay = this.settings.relayUrl;
    if (!relay) return 'deferred';
    const tries = mail.attempts + 1;
    try {
      const info = await this.transportFor(relay).sendMail(await this.messageOf(mail));
      await recordTry(this.db, mail.id, tries, {
        outcome: 'sent',
        detail: String(info.response ?? 'accepted'),
        at: this.clock.now().toISOString(),
        nextAttemptAt: null,
        ...(carriesLinkToken(mail.kind) && {
          keptBodies: {
            text: withoutLinkTokens(mail.text_body ?? ''),
            html: mail.html_body === null ? null : withoutLinkTokens(mail.html_body),
          },
        }),
      });
      return 'sent';
    } catch (caught) {
      const error = caught as SmtpError;
      const detail = error.response ?? error.message ?? String(caught);
      const now = this.clock.now();
      const delay = isPermanentRefusal(error.responseCode) ? null : nextTryDelayMs(tries);
      await recordTry(this.db, mail.id, tries, {
        outcome: delay === null ? 'failed' : 'deferred',
        detail: error.responseCode ? detail : `${error.code ?? 'error'}: ${detail}`,
        at: now.toISOString(),
        nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay).toISOString(),
      });
      return delay === null ? 'failed' : 'deferred';
    }
  }

  private async messageOf(mail: ClaimedMail): Promise<Parameters<Transporter['sendMail']>[0]> {
    const to = fromJson<MailAddress[]>(mail.to_addresses);
    const cc = fromJson<MailAddress[]>(mail.cc_addresses);
    const references = fromJson<string[]>(mail.references);
    const files = await filesOfMail(this.db, mail.id);
    const headers: Record<string, string> = {};
    const autoSubmitted = autoSubmittedOf(mail.kind ?? '');
    if (autoSubmitted) headers['Auto-Submitted'] = autoSubmitted;
    if (mail.ticket_number !== null) headers['X-Vigie-Ticket'] = ticketReference(mail.ticket_number);
    if (autoSubmitted) headers['X-Auto-Response-Suppress'] = 'All';
    return {
      from: mail.from_address ?? this.settings.supportAddress,
      replyTo: this.settings.supportAddress,
      to: to.map((a) => ({ address: a.address, name: a.name ?? '' })),
      cc: cc.map((a) => ({ address: a.address, name: a.name ?? '' })),
      subject: mail.subject,
      text: mail.text_body ?? '',
      html: mail.html_body ?? undefined,
      messageId: bracketed(mail.message_id),
      inReplyTo: mail.in_reply_to ? bracketed(mail.in_reply_to) : undefined,
      references: references.length > 0 ? references.map(bracketed) : undefined,
      date: new Date(mail.created_at),
      headers,
      // A non-delivery notice goes with an empty return path (RFC 5321 §4.5.5), so that it can never bounce back.
      ...(mail.kind === 'bounce' && {
        envelope: { from: '', to: [...to, ...cc].map((a) => a.address) },
      }),
      attachments: files.map((f) => ({
        filename: f.file_name,
        contentType: f.content_type,
        content: Buffer.from(f.content),
      })),
    };
  }
}
