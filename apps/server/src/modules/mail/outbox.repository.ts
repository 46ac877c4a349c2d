/**
 * The outbox: every mail Vigie sends is first a row of `mail_messages` (direction `out`), written in the transaction
 * of the change that calls for it, then sent by the outbound worker. `enqueueMail` is the one way in for every
 * module (ticket mail, password links, reports, bounces).
 */
import { createHash } from 'node:crypto';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import { toJson } from '../../db/dialect.js';

export interface MailAddress {
  address: string;
  name?: string | null;
}

export interface MailFile {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export interface OutgoingMail {
  /** acknowledgement, reply, information_request, resolution, closure, sla_warning, digest, report, reset, invitation, bounce… */
  kind: string;
  to: readonly MailAddress[];
  cc?: readonly MailAddress[];
  locale: 'fr' | 'en';
  subject: string;
  text: string;
  html: string;
  ticketId?: string | null;
  clientId?: string | null;
  userId?: string | null;
  /** Threading: the message this one answers and the chain before it (ids without angle brackets). */
  inReplyTo?: string | null;
  references?: readonly string[];
  /** Files sent along (a report's PDF); kept in `attachments`, which needs a client. */
  attachments?: readonly MailFile[];
}

/** `<vigie.<id>@<domain of the support address>>` without the brackets: unique, and recognizable in replies. */
export function outboundMessageId(id: string, supportAddress: string): string {
  const domain = supportAddress.split('@')[1] ?? 'vigie.local';
  return `vigie.${id}@${domain}`;
}

/**
 * Queues a mail in the caller's transaction. `held` when no relay is configured: it stays readable in the mail log
 * (and is sent if a relay is configured later and it is retried).
 */
export async function enqueueMail(
  db: Db,
  mail: OutgoingMail,
  options: { supportAddress: string; now: Date; held: boolean },
): Promise<{ id: string; messageId: string }> {
  const id = newId();
  const messageId = outboundMessageId(id, options.supportAddress);
  const at = options.now.toISOString();
  await db
    .insertInto('mail_messages')
    .values({
      id,
      direction: 'out',
      message_id: messageId,
      status: options.held ? 'held' : 'queued',
      kind: mail.kind,
      channel: 'relay',
      ticket_id: mail.ticketId ?? null,
      client_id: mail.clientId ?? null,
      user_id: mail.userId ?? null,
      from_address: options.supportAddress,
      to_addresses: toJson(mail.to),
      recipient: mail.to[0]?.address.toLowerCase() ?? null,
      cc_addresses: toJson(mail.cc ?? []),
      subject: mail.subject,
      in_reply_to: mail.inReplyTo ?? null,
      references: toJson(mail.references ?? []),
      locale: mail.locale,
      text_body: mail.text,
      html_body: mail.html,
      size_bytes: Buffer.byteLength(mail.text) + Buffer.byteLength(mail.html),
      error: null,
      attempts: 0,
      next_attempt_at: options.held ? null : at,
      processed_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const file of mail.attachments ?? []) {
    if (!mail.clientId) throw new Error('An attachment of an outgoing mail needs the client it belongs to');
    await db
      .insertInto('attachments')
      .values({
        id: newId(),
        client_id: mail.clientId,
        ticket_id: null,
        event_id: null,
        mail_id: id,
        file_name: file.fileName,
        content_type: file.contentType,
        size_bytes: file.content.byteLength,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
        public: 0,
        created_by: null,
        created_at: at,
      })
      .execute();
  }
  return { id, messageId };
}

/** How many automatic answers of a kind (acknowledgement, refusal question) went to an address since an instant. */
export async function countAutoRepliesTo(db: Db, address: string, kind: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('mail_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient', '=', address.toLowerCase())
    .where('kind', '=', kind)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
