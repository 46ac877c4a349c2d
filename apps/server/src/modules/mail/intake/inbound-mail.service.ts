/**
 * What a member of staff does with inbound mail: list it by status, open one (headers, text, files), download its
 * raw source, re-inject it (quarantined or ignored → processed again), give a triage message to a client (the ticket
 * is opened from it) or discard it. Every action is audited.
 */
import type {
  InboundMail,
  InboundMailAssignInput,
  InboundMailListQuery,
  InboundMailSummary,
  Page,
} from '@vigie/contracts';
import { type Ctx, clientScopeOf, inScope } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { AppError, invalidFields, notFound } from '../../../core/errors.js';
import type { Db } from '../../../db/connection.js';
import { fromJson } from '../../../db/dialect.js';
import type { AuditService } from '../../audit/audit.service.js';
import { assertCanHandleInboundMail, assertCanSeeInboundMail } from './inbound-mail.policy.js';
import { presentInboundSummary } from './inbound-mail.presenter.js';
import {
  claimInbound,
  clientExists,
  findInbound,
  listInbound,
  rawSourceOf,
  recordOutcome,
  resetToReceived,
} from './inbound-mail.repository.js';
import type { IntakeProcessor } from './intake-processor.js';
import type { MailIntakeService } from './mail-intake.service.js';
import { parseMail, UnreadableMail } from './mail-parsing.js';
import { contactForTriage } from './triage-contact.repository.js';

const REINJECTABLE = ['quarantined', 'ignored', 'triage'];
const DISCARDABLE = ['triage', 'quarantined'];

export class InboundMailService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly intake: MailIntakeService,
    private readonly processor: IntakeProcessor,
  ) {}

  async list(ctx: Ctx, query: InboundMailListQuery): Promise<Page<InboundMailSummary>> {
    assertCanHandleInboundMail(ctx.actor);
    const page = await listInbound(this.db, { ...query, scope: clientScopeOf(ctx.actor) });
    return { items: page.items.map(presentInboundSummary), nextCursor: page.nextCursor };
  }

  private async visible(ctx: Ctx, id: string) {
    const row = await findInbound(this.db, id);
    assertCanSeeInboundMail(ctx.actor, row);
    return row as NonNullable<typeof row>;
  }

  async get(ctx: Ctx, id: string): Promise<InboundMail> {
    const row = await this.visible(ctx, id);
    const raw = (await rawSourceOf(this.db, id)) ?? new Uint8Array();
    let headers: InboundMail['headers'] = [];
    let attachments: InboundMail['attachments'] = [];
    let fromName: string | null = null;
    try {
      const parsed = await parseMail(raw);
      headers = parsed.headerList;
      attachments = parsed.files.map((f) => ({
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.content.byteLength,
      }));
      fromName = parsed.from?.name ?? null;
    } catch (error) {
      if (!(error instanceof UnreadableMail)) throw error;
    }
    return {
      ...presentInboundSummary(row),
      fromName,
      to: fromJson<string[]>(row.to_addresses),
      cc: fromJson<string[]>(row.cc_addresses),
      inReplyTo: row.in_reply_to,
      references: fromJson<string[]>(row.references),
      text: row.text_body,
      headers,
      attachments,
      rawUrl: `/api/v1/mail/inbound/${row.id}/raw`,
    };
  }

  async raw(ctx: Ctx, id: string): Promise<{ fileName: string; content: Uint8Array }> {
    const row = await this.visible(ctx, id);
    const content = await rawSourceOf(this.db, id);
    if (!content) throw notFound('Raw source');
    await this.db.transaction().execute((trx) =>
      this.audit.record(trx, ctx, {
        action: 'download_raw',
        objectType: 'mail',
        objectId: id,
        clientId: row.client_id,
      }),
    );
    return { fileName: `mail-${row.id}.eml`, content };
  }

  /** Back through the intake path (after a fix, or a contact or mail domain was added meanwhile). */
  async reinject(ctx: Ctx, id: string): Promise<InboundMail> {
    const row = await this.visible(ctx, id);
    if (!REINJECTABLE.includes(row.status)) {
      throw new AppError(409, 'conflict', `A ${row.status} message cannot be re-injected`);
    }
    await this.db.transaction().execute(async (trx) => {
      if (!(await claimInbound(trx, id, REINJECTABLE)))
        throw new AppError(409, 'conflict', 'The message changed meanwhile');
      await resetToReceived(trx, id, this.clock.now().toISOString());
      await this.audit.record(trx, ctx, {
        action: 'reinject',
        objectType: 'mail',
        objectId: id,
        clientId: row.client_id,
        before: { status: row.status },
      });
    });
    await this.intake.process(id);
    return this.get(ctx, id);
  }

  async assign(ctx: Ctx, id: string, input: InboundMailAssignInput): Promise<InboundMail> {
    const row = await this.visible(ctx, id);
    if (row.status !== 'triage') throw new AppError(409, 'conflict', 'Only a message in triage is given to a client');
    if (!inScope(clientScopeOf(ctx.actor), input.clientId) || !(await clientExists(this.db, input.clientId))) {
      throw invalidFields([{ path: ['clientId'], message: 'no such client' }]);
    }
    const contact = await contactForTriage(this.db, input.clientId, input.requesterContactId ?? null);
    if (input.requesterContactId && !contact) {
      throw invalidFields([{ path: ['requesterContactId'], message: 'no such contact at this client' }]);
    }
    await this.db.transaction().execute(async (trx) => {
      const ticketId = await this.processor.assignIn(trx, ctx, id, {
        clientId: input.clientId,
        contact: contact ?? null,
      });
      if (!ticketId) throw new AppError(409, 'conflict', 'The message changed meanwhile');
      await this.audit.record(trx, ctx, {
        action: 'assign',
        objectType: 'mail',
        objectId: id,
        clientId: input.clientId,
        after: { ticketId, contactId: contact?.id ?? null },
      });
    });
    return this.get(ctx, id);
  }

  async discard(ctx: Ctx, id: string): Promise<InboundMail> {
    const row = await this.visible(ctx, id);
    if (!DISCARDABLE.includes(row.status))
      throw new AppError(409, 'conflict', `A ${row.status} message cannot be discarded`);
    await this.db.transaction().execute(async (trx) => {
      if (!(await claimInbound(trx, id, DISCARDABLE)))
        throw new AppError(409, 'conflict', 'The message changed meanwhile');
      await recordOutcome(trx, id, {
        status: 'ignored',
        kind: 'discarded',
        error: `discarded by ${ctx.actor.name}`,
        at: this.clock.now().toISOString(),
      });
      await this.audit.record(trx, ctx, {
        action: 'discard',
        objectType: 'mail',
        objectId: id,
        clientId: row.client_id,
        before: { status: row.status },
      });
    });
    return this.get(ctx, id);
  }
}
