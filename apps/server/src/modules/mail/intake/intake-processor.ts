/**
 * One stored inbound message turned into what it is (DOMAIN §3), in ONE transaction with the mail's new status:
 * a new ticket, a reply on its ticket, an internal note (a sender who is not the ticket's client), the triage queue,
 * ignored (automated traffic, a Cc-only message, a refused one with its bounce queued), or quarantine (unreadable).
 * The same path serves SMTP, IMAP, the re-processing job, a re-injection and a triage assignment.
 */
import { automatedReason, clampText, type HeaderView, replyTextOf, titleFromSubject } from '@vigie/domain';
import { type Ctx, systemActor } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import type { AttachmentService } from '../../attachments/attachments.service.js';
import type { ContactService } from '../../clients/contacts.service.js';
import type { TicketWorkflow } from '../../tickets/ticket-workflow.service.js';
import type { TicketService } from '../../tickets/tickets.service.js';
import { countAutoRepliesTo, enqueueMail } from '../outbox.repository.js';
import {
  claimInbound,
  type InboundOutcome,
  markOutboundBounced,
  rawSourceOf,
  recordOutcome,
  type ThreadTicket,
} from './inbound-mail.repository.js';
import { refusalMail } from './intake-bounce.js';
import { type ParsedInbound, parseMail, UnreadableMail } from './mail-parsing.js';
import { threadOf } from './mail-threading.js';
import type { Sender } from './sender-recognition.js';

export interface IntakeSettings {
  supportAddress: string;
  maxMessageBytes: number;
  /** No relay: bounces stay held in the outbox. */
  relayConfigured: boolean;
}

/** Files a mail may bring; past that it is refused with a bounce (the message size is bounded by SMTP's SIZE). */
export const MAX_MAIL_FILES = 20;
/** Refusals mailed to one address in an hour at most (a forged From must not make us a backscatter source). */
export const BOUNCES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

type Sent = ParsedInbound & { from: { address: string; name: string | null } };

export interface ProcessResult {
  status: InboundOutcome['status'];
  kind: string;
  ticketId: string | null;
}

export class IntakeProcessor {
  constructor(
    private readonly clock: Clock,
    private readonly tickets: TicketService,
    private readonly workflow: TicketWorkflow,
    private readonly attachments: AttachmentService,
    private readonly contacts: ContactService,
    private readonly settings: IntakeSettings,
  ) {}

  /** Processes the message if it is still `received` (else another pass did it: null). */
  async processIn(trx: Db, mailId: string): Promise<ProcessResult | null> {
    const row = await claimInbound(trx, mailId, ['received']);
    if (!row) return null;
    const raw = (await rawSourceOf(trx, mailId)) ?? new Uint8Array();
    const at = this.clock.now().toISOString();
    const finish = async (o: Omit<InboundOutcome, 'at'>): Promise<ProcessResult> => {
      await recordOutcome(trx, mailId, { ...o, at });
      return { status: o.status, kind: o.kind, ticketId: o.ticketId ?? null };
    };

    let parsed: ParsedInbound;
    try {
      parsed = await parseMail(raw);
    } catch (error) {
      if (!(error instanceof UnreadableMail)) throw error;
      return finish({ status: 'quarantined', kind: 'malformed', error: error.message });
    }
    const described = {
      fromAddress: parsed.from?.address ?? row.from_address,
      to: parsed.to,
      cc: parsed.cc,
      subject: parsed.subject,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      text: clampText(parsed.text),
    };
    if (!parsed.from) {
      return finish({
        ...described,
        status: 'quarantined',
        kind: 'malformed',
        error: 'The message has no usable From address',
      });
    }
    const mail = parsed as Sent;
    const own = [this.settings.supportAddress];
    const reason = automatedReason(mail.headers, {
      returnPath: returnPathOf(mail.headers),
      from: mail.from.address,
      contentType: mail.contentType,
      ownAddresses: own,
    });
    if (reason) {
      const isBounce = reason === 'delivery_report' || reason === 'null_sender' || reason === 'mailer_daemon';
      if (isBounce) await markOutboundBounced(trx, mail.reportedMessageIds, `bounced (${mailId})`, at);
      return finish({
        ...described,
        status: 'ignored',
        kind: isBounce ? 'bounce' : 'automated',
        error: `automated: ${reason}`,
      });
    }

    const thread = await threadOf(trx, mail);
    const sender = thread.sender;
    const clientOfSender = sender.kind === 'client' ? sender.clientId : null;
    const userOfSender = sender.kind === 'unknown' ? null : sender.userId;
    const tooMany = mail.files.length > MAX_MAIL_FILES;
    // Stored larger than its raw source: only its headers were fetched (IMAP, over the limit).
    const notFetchedWhole = row.size_bytes > raw.byteLength;
    if (tooMany || notFetchedWhole || raw.byteLength > this.settings.maxMessageBytes) {
      const cause = tooMany
        ? ({ kind: 'too_many_files', maxFiles: MAX_MAIL_FILES } as const)
        : ({ kind: 'too_large', maxMb: Math.round(this.settings.maxMessageBytes / (1024 * 1024)) } as const);
      // A forged From would turn refusals into backscatter: a handful an hour to one address, then silence.
      const since = new Date(this.clock.now().getTime() - HOUR_MS).toISOString();
      if ((await countAutoRepliesTo(trx, mail.from?.address ?? '', 'bounce', since)) < BOUNCES_PER_HOUR) {
        await enqueueMail(
          trx,
          { ...refusalMail(mail.from, mail.subject, cause, sender.locale, row.message_id), clientId: clientOfSender },
          {
            supportAddress: this.settings.supportAddress,
            now: this.clock.now(),
            held: !this.settings.relayConfigured,
          },
        );
      }
      return finish({
        ...described,
        status: 'ignored',
        kind: 'refused',
        clientId: clientOfSender,
        error: `refused: ${cause.kind}`,
      });
    }

    if (thread.ticket && thread.ticket.status !== 'closed') {
      const ticket = thread.ticket;
      await this.writeOnTicket(trx, mailId, mail, ticket, sender);
      const isReply = sender.kind === 'client' && sender.clientId === ticket.client_id;
      return finish({
        ...described,
        status: 'processed',
        kind: isReply ? 'reply' : 'note',
        ticketId: ticket.id,
        clientId: ticket.client_id,
        userId: userOfSender,
        error: null,
      });
    }
    const inTo = mail.to.some((a) => own.includes(a));
    const inCc = mail.cc.some((a) => own.includes(a));
    // Here the mail answers no open ticket (none, or a closed one): with the helpdesk only in Cc it opens none either.
    if (inCc && !inTo) {
      return finish({
        ...described,
        status: 'ignored',
        kind: 'cc_only',
        clientId: clientOfSender,
        error: 'The helpdesk is only in Cc of a message that answers no open ticket: no ticket opened',
      });
    }
    if (sender.kind !== 'client') {
      const why =
        sender.kind === 'staff'
          ? `${sender.address} is a member of the provider's staff, not a client`
          : `${sender.address} is neither a contact of a client nor from a client's mail domain`;
      const tag = 'refusedTag' in thread && thread.refusedTag ? `; its tag names a ticket it does not belong to` : '';
      return finish({ ...described, status: 'triage', kind: 'unknown_sender', error: `${why}${tag}` });
    }
    const contactId =
      sender.via === 'domain'
        ? (
            await this.contacts.addFromMailIn(trx, senderCtx(mailId, sender, sender.clientId), sender.clientId, {
              email: sender.address,
              displayName: mail.from?.name ?? null,
            })
          ).id
        : sender.contactId;
    const opened = await this.openTicket(trx, mailId, mail, {
      clientId: sender.clientId,
      contactId,
      userId: sender.userId,
      name: sender.name,
      ctx: senderCtx(mailId, sender, sender.clientId),
    });
    const note =
      'refusedTag' in thread && thread.refusedTag
        ? `the subject's tag names a ticket of another client: a new ticket was opened`
        : thread.ticket
          ? `the ticket it answers is closed: a new ticket was opened`
          : null;
    return finish({
      ...described,
      status: 'processed',
      kind: 'new_ticket',
      ticketId: opened,
      clientId: sender.clientId,
      userId: sender.userId,
      error: note,
    });
  }

  /** A triage message given to a client by a member of staff: the ticket is opened from it, for the named contact. */
  async assignIn(
    trx: Db,
    ctx: Ctx,
    mailId: string,
    target: { clientId: string; contact: { id: string; name: string; userId: string | null } | null },
  ): Promise<string | null> {
    const row = await claimInbound(trx, mailId, ['triage']);
    if (!row) return null;
    const raw = (await rawSourceOf(trx, mailId)) ?? new Uint8Array();
    const mail = await parseMail(raw);
    const name = target.contact?.name ?? mail.from?.name ?? mail.from?.address ?? null;
    const ticketId = await this.openTicket(trx, mailId, mail, {
      clientId: target.clientId,
      contactId: target.contact?.id ?? null,
      userId: target.contact?.userId ?? null,
      name,
      ctx,
    });
    await recordOutcome(trx, mailId, {
      status: 'processed',
      kind: 'new_ticket',
      ticketId,
      clientId: target.clientId,
      error: null,
      at: this.clock.now().toISOString(),
    });
    return ticketId;
  }

  private async openTicket(
    trx: Db,
    mailId: string,
    mail: ParsedInbound,
    who: { clientId: string; contactId: string | null; userId: string | null; name: string | null; ctx: Ctx },
  ): Promise<string> {
    const { id } = await this.tickets.openFromMail(trx, who.ctx, {
      clientId: who.clientId,
      title: titleFromSubject(mail.subject) ?? '(no subject)',
      description: clampText(mail.text.trim()),
      requesterContactId: who.contactId,
      requesterUserId: who.userId,
      requesterName: who.name,
      mailId,
    });
    await this.attachments.storeIn(trx, {
      clientId: who.clientId,
      ticketId: id,
      eventId: null,
      mailId,
      files: mail.files,
      public: true,
      createdBy: who.userId,
      at: this.clock.now().toISOString(),
    });
    return id;
  }

  /**
   * A client's reply is a public reply (a waiting ticket resumes; on a resolved ticket it is recorded as such, never
   * as a rejection). Anyone else's mail on the thread (staff, an unknown or another client's address) is an internal
   * note: the provider reads it, the client never sees words it did not write. Its sender is unverified, staff too:
   * anyone may write a staff address in From.
   */
  private async writeOnTicket(
    trx: Db,
    mailId: string,
    mail: Sent,
    ticket: ThreadTicket,
    sender: Sender,
  ): Promise<string> {
    const fromClient = sender.kind === 'client' && sender.clientId === ticket.client_id;
    const text =
      replyTextOf(mail.text) ||
      (mail.files.length > 0 ? '(pièce jointe / attachment)' : '(message vide / empty message)');
    const ctx = fromClient
      ? senderCtx(mailId, sender, ticket.client_id)
      : {
          // Never the staff account the From names: a From is not proof (the client's people know the thread's ids).
          actor: { ...systemActor, userId: null, name: sender.name.slice(0, 200) },
          requestId: `mail:${mailId}`,
        };
    const event = await this.workflow.commentIn(
      trx,
      ctx,
      ticket.id,
      { body: text, visibility: fromClient ? 'public' : 'internal' },
      {
        source: 'email',
        mailId,
        from: sender.address,
        ...(ticket.status === 'resolved' && fromClient ? { whileResolved: true } : {}),
        ...(fromClient ? {} : { unverifiedSender: true }),
      },
    );
    await this.attachments.storeIn(trx, {
      clientId: ticket.client_id,
      ticketId: ticket.id,
      eventId: event.id,
      mailId,
      files: mail.files,
      public: fromClient,
      createdBy: fromClient && sender.kind === 'client' ? sender.userId : null,
      at: this.clock.now().toISOString(),
    });
    return event.id;
  }
}

/**
 * The sender of a client's mail, acting on the one ticket or client the mail belongs to (threading or the sender's
 * own client already proved that link): as the client's person, so that a waiting ticket resumes as it does when they
 * reply on the portal.
 */
function senderCtx(mailId: string, sender: Sender, clientId: string): Ctx {
  return {
    actor: {
      userId: sender.kind === 'client' ? sender.userId : null,
      name: sender.name.slice(0, 200),
      role: 'client_manager',
      clientId,
      teamClientIds: [],
      scopes: null,
    },
    requestId: `mail:${mailId}`,
  };
}

/** The envelope sender the listener recorded (or the mailbox's delivery agent): '' for the null sender `<>`. */
function returnPathOf(headers: HeaderView): string | null {
  const value = headers.get('return-path')[0];
  if (value === undefined) return null;
  return value.trim().replace(/^<|>$/g, '').trim().toLowerCase();
}
