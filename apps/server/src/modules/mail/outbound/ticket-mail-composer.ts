/**
 * The outbound composer: turns ticket events marked `mail_pending` into queued mails. One transaction per batch
 * queues every mail the batch calls for and clears the mark, so each event gives its mail exactly once; on
 * PostgreSQL the batch is claimed with SKIP LOCKED, so several server processes share the work without doubles.
 */
import { ticketReference } from '@vigie/domain';
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { fromJson } from '../../../db/dialect.js';
import type { TicketEventRow } from '../../../db/schema.js';
import { countAutoRepliesTo, enqueueMail } from '../outbox.repository.js';
import {
  claimPendingEvents,
  findRequester,
  findSlaRecipients,
  findTicketForComposer,
  isStaffAuthor,
  markEventsComposed,
  type Recipient,
  skipAllPending,
  type TicketForComposer,
  threadOf,
} from './composer.repository.js';
import type { OutboundSettings } from './outbound-settings.js';
import { localeOf } from './templates/ticket-mail-texts.js';
import { buildTicketMail } from './templates/ticket-mails.js';
import {
  ACKNOWLEDGEMENTS_PER_HOUR,
  boundedReferences,
  goesBackToAuthor,
  isRequesterMail,
  MAX_REFERENCES,
  type TicketMailKind,
  ticketMailKindOf,
} from './ticket-mail-rules.js';

const BATCH = 100;
const HOUR = 3600_000;

export interface ComposeResult {
  events: number;
  mails: number;
}

/** The requester wrote the event: through their account, or by mail from their address (a contact has no account). */
function isRequesterTheAuthor(requester: Recipient, event: TicketEventRow, data: Record<string, unknown>): boolean {
  if (requester.userId !== null && requester.userId === event.actor_id) return true;
  return typeof data.from === 'string' && data.from.toLowerCase() === requester.address.toLowerCase();
}

export class TicketMailComposer {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: OutboundSettings,
  ) {}

  /** Composes until nothing is pending (or what is left is held by another process). */
  async composeAll(): Promise<ComposeResult> {
    const total: ComposeResult = { events: 0, mails: 0 };
    for (;;) {
      const batch = await this.composeBatch(BATCH);
      total.events += batch.events;
      total.mails += batch.mails;
      if (batch.events < BATCH) return total;
    }
  }

  /** Marks every pending event as composed without mailing (the demo's history, loaded at start). */
  async skipPending(): Promise<void> {
    await skipAllPending(this.db);
  }

  /** One batch in one transaction: the mails are queued and the events cleared together, or neither. */
  composeBatch(limit: number): Promise<ComposeResult> {
    return this.db.transaction().execute(async (trx) => {
      const events = await claimPendingEvents(trx, limit);
      let mails = 0;
      for (const event of events) mails += await this.composeEvent(trx, event);
      await markEventsComposed(
        trx,
        events.map((e) => e.id),
      );
      return { events: events.length, mails };
    });
  }

  private async composeEvent(trx: Db, event: TicketEventRow): Promise<number> {
    const ticket = await findTicketForComposer(trx, event.ticket_id);
    if (!ticket) return 0;
    const data = fromJson<Record<string, unknown>>(event.data) ?? {};
    const byStaff = await isStaffAuthor(trx, event.actor_id, data);
    const kind = ticketMailKindOf(
      { kind: event.kind, visibility: event.visibility, data, byStaff },
      { source: ticket.source, mergedIntoId: ticket.merged_into_id },
    );
    if (!kind) return 0;
    if (!isRequesterMail(kind)) {
      const recipients = await findSlaRecipients(trx, ticket, kind === 'sla_breach');
      for (const person of recipients) await this.queue(trx, kind, ticket, event, data, person, false);
      return recipients.length;
    }
    const requester = await findRequester(trx, ticket);
    // The helpdesk never writes to itself: a requester recorded with the support address would make a loop.
    if (!requester || requester.address.toLowerCase() === this.settings.supportAddress.toLowerCase()) return 0;
    if (!goesBackToAuthor(kind) && isRequesterTheAuthor(requester, event, data)) return 0;
    // Loop guard (RFC 3834): the mails that answer what the recipient just did are limited per address and hour.
    if (goesBackToAuthor(kind) && (await this.autoRepliesExhausted(trx, kind, requester.address))) return 0;
    await this.queue(trx, kind, ticket, event, data, requester, true);
    return 1;
  }

  private async autoRepliesExhausted(trx: Db, kind: TicketMailKind, address: string): Promise<boolean> {
    const since = new Date(this.clock.now().getTime() - HOUR).toISOString();
    return (await countAutoRepliesTo(trx, address.toLowerCase(), kind, since)) >= ACKNOWLEDGEMENTS_PER_HOUR;
  }

  private async queue(
    trx: Db,
    kind: TicketMailKind,
    ticket: TicketForComposer,
    event: TicketEventRow,
    data: Record<string, unknown>,
    to: Recipient,
    threaded: boolean,
  ): Promise<void> {
    const locale = localeOf(to.locale);
    const body = kind === 'acknowledgement' ? event.body || ticket.description || null : event.body;
    const built = buildTicketMail({
      kind,
      locale,
      ticket: {
        id: ticket.id,
        reference: ticketReference(ticket.number),
        title: ticket.title,
        clientName: ticket.client_name,
        priority: ticket.priority,
        status: ticket.status,
        assigneeName: ticket.assignee_name,
      },
      recipientName: to.name,
      authorName: event.actor_name,
      body,
      data,
      supportAddress: this.settings.supportAddress,
      publicUrl: this.settings.publicUrl,
    });
    const chain = threaded ? await threadOf(trx, ticket.id, MAX_REFERENCES - 1) : [];
    await enqueueMail(
      trx,
      {
        kind,
        to: [{ address: to.address.toLowerCase(), name: to.name }],
        locale,
        subject: built.subject,
        text: built.text,
        html: built.html,
        ticketId: ticket.id,
        clientId: ticket.client_id,
        userId: to.userId,
        inReplyTo: chain.at(-1) ?? null,
        references: boundedReferences(chain),
      },
      { supportAddress: this.settings.supportAddress, now: this.clock.now(), held: this.settings.relayUrl === null },
    );
  }
}
