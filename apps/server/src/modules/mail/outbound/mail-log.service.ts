/** The mail log for the staff console: the outbox and its tries, one mail in full, a ticket's thread, a retry. */
import type { OutboundMail, OutboundMailListQuery, OutboundMailSummary, Page, TicketMail } from '@vigie/contracts';
import { type Ctx, isProviderManager } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { conflict, notFound } from '../../../core/errors.js';
import type { Db } from '../../../db/connection.js';
import { fromJson } from '../../../db/dialect.js';
import type { MailMessageRow } from '../../../db/schema.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { MailAddress } from '../outbox.repository.js';
import { withoutLinkTokens } from './link-tokens.js';
import { assertCanReadMailLog, reachesMail } from './mail-log.policy.js';
import {
  attachmentsOf,
  attemptsOf,
  clientOfTicket,
  findLoggedMail,
  type LoggedMail,
  listOutboundMail,
  mailOfTicket,
  requeueMail,
} from './mail-log.repository.js';
import type { OutboundSettings } from './outbound-settings.js';

const addresses = (json: unknown) =>
  (fromJson<MailAddress[]>(json) ?? []).map((a) => ({ address: a.address, name: a.name ?? null }));

function presentSummary(row: LoggedMail): OutboundMailSummary {
  return {
    id: row.id,
    status: row.status as OutboundMailSummary['status'],
    kind: row.kind,
    to: addresses(row.to_addresses),
    subject: row.subject,
    locale: row.locale,
    clientId: row.client_id,
    clientName: row.client_name,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    attempts: row.attempts,
    error: row.error,
    nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.status === 'sent' && row.processed_at ? new Date(row.processed_at).toISOString() : null,
  };
}

function presentTicketMail(row: MailMessageRow): TicketMail {
  return {
    id: row.id,
    direction: row.direction,
    status: row.status,
    kind: row.kind,
    from: row.from_address,
    to: addresses(row.to_addresses).map((a) => a.address),
    subject: row.subject,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    createdAt: new Date(row.created_at).toISOString(),
    attempts: row.attempts,
    error: row.error,
  };
}

export class MailLogService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly settings: OutboundSettings,
  ) {}

  async list(ctx: Ctx, query: OutboundMailListQuery): Promise<Page<OutboundMailSummary>> {
    const scope = assertCanReadMailLog(ctx.actor);
    const result = await listOutboundMail(this.db, scope, isProviderManager(ctx.actor), query);
    return result.page(presentSummary) as Page<OutboundMailSummary>;
  }

  async get(ctx: Ctx, mailId: string): Promise<OutboundMail> {
    const row = await this.reachable(ctx, mailId);
    const [attempts, files] = await Promise.all([attemptsOf(this.db, row.id), attachmentsOf(this.db, row.id)]);
    return {
      ...presentSummary(row),
      messageId: row.message_id,
      from: row.from_address,
      cc: addresses(row.cc_addresses),
      inReplyTo: row.in_reply_to,
      references: fromJson<string[]>(row.references) ?? [],
      text: row.text_body === null ? null : withoutLinkTokens(row.text_body),
      html: row.html_body === null ? null : withoutLinkTokens(row.html_body),
      attachments: files.map((f) => ({ fileName: f.file_name, contentType: f.content_type, sizeBytes: f.size_bytes })),
      attemptLog: attempts.map((a) => ({
        at: new Date(a.at).toISOString(),
        outcome: a.outcome as 'sent' | 'deferred' | 'failed',
        detail: a.detail,
      })),
    };
  }

  /** A failed or held mail goes back to the queue (held again while no relay is configured). */
  async retry(ctx: Ctx, mailId: string): Promise<OutboundMail> {
    const row = await this.reachable(ctx, mailId);
    if (row.status === 'sent') throw conflict('This mail was already sent');
    // A queued mail may be in the sender's hands right now: queued again, it would be sent twice.
    if (row.status === 'queued') throw conflict('This mail is queued: it is sent at its next try');
    const status = this.settings.relayUrl ? 'queued' : 'held';
    await this.db.transaction().execute(async (trx) => {
      if (!(await requeueMail(trx, row.id, status, this.clock.now().toISOString()))) {
        throw conflict('This mail changed meanwhile; reload it');
      }
      await this.audit.record(trx, ctx, {
        action: 'retry',
        objectType: 'mail',
        objectId: row.id,
        clientId: row.client_id,
        before: { status: row.status },
        after: { status },
      });
    });
    return this.get(ctx, mailId);
  }

  /** A ticket's mail in both directions, for its "Mails" tab. */
  async ofTicket(ctx: Ctx, ticketId: string): Promise<{ items: TicketMail[] }> {
    const scope = assertCanReadMailLog(ctx.actor);
    const clientId = await clientOfTicket(this.db, ticketId);
    if (!clientId || !reachesMail(ctx.actor, scope, clientId)) throw notFound('Ticket');
    return { items: (await mailOfTicket(this.db, ticketId)).map(presentTicketMail) };
  }

  private async reachable(ctx: Ctx, mailId: string): Promise<LoggedMail> {
    const scope = assertCanReadMailLog(ctx.actor);
    const row = await findLoggedMail(this.db, mailId);
    if (row?.direction !== 'out' || !reachesMail(ctx.actor, scope, row.client_id)) throw notFound('Mail');
    return row;
  }
}
