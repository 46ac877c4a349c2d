import { ATTACHMENT_LIMITS, type Attachment } from '@vigie/contracts';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import type { AuditService } from '../audit/audit.service.js';
import type { TicketService } from '../tickets/tickets.service.js';
import { safeContentType, safeFileName } from './attachment-files.js';
import { assertCanAddInternalFiles, assertCanSeeAttachment, seesInternal } from './attachments.policy.js';
import {
  type AttachmentMeta,
  attachmentContent,
  findAttachmentMeta,
  insertAttachment,
  listTicketAttachments,
} from './attachments.repository.js';

export interface IncomingFile {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export function presentAttachment(row: AttachmentMeta): Attachment {
  return {
    id: row.id,
    ticketId: row.ticket_id ?? '',
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    public: row.public === 1,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    url: `/api/v1/attachments/${row.id}/content`,
  };
}

/** Files of tickets: uploads from the portal and the console, files of inbound mail, downloads. */
export class AttachmentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly tickets: TicketService,
  ) {}

  async upload(ctx: Ctx, ticketId: string, files: IncomingFile[], internal: boolean): Promise<Attachment[]> {
    const ticket = await this.tickets.readable(ctx, ticketId);
    if (internal) assertCanAddInternalFiles(ctx.actor);
    if (files.length === 0) {
      throw invalid('file: send at least one file part', [{ path: ['file'], message: 'no file' }]);
    }
    if (files.length > ATTACHMENT_LIMITS.maxFilesPerUpload) {
      throw invalid(`file: at most ${ATTACHMENT_LIMITS.maxFilesPerUpload} files at once`, [
        { path: ['file'], message: 'too many files' },
      ]);
    }
    if (ticket.status === 'closed') {
      throw new AppError(409, 'transition_refused', 'a closed ticket takes no more files: open a new ticket');
    }
    const empty = files.findIndex((f) => f.content.byteLength === 0);
    if (empty >= 0) throw invalid(`file.${empty}: the file is empty`, [{ path: ['file', empty], message: 'empty' }]);
    const at = this.clock.now().toISOString();
    const ids = await this.db.transaction().execute(async (trx) => {
      const stored = await this.storeIn(trx, {
        clientId: ticket.client_id,
        ticketId: ticket.id,
        eventId: null,
        mailId: null,
        files,
        public: !internal,
        createdBy: ctx.actor.userId,
        at,
      });
      await this.tickets.recordEvent(trx, ctx, ticket, 'attachment', {
        visibility: internal ? 'internal' : 'public',
        data: { attachmentIds: stored, fileNames: files.map((f) => safeFileName(f.fileName)) },
      });
      await this.audit.record(trx, ctx, {
        action: 'upload',
        objectType: 'ticket',
        objectId: ticket.id,
        clientId: ticket.client_id,
        after: { attachmentIds: stored, internal },
      });
      return stored;
    });
    const rows = await listTicketAttachments(this.db, ticket.id, true);
    return rows.filter((r) => ids.includes(r.id)).map(presentAttachment);
  }

  /** Files written in the caller's transaction (mail intake: with the ticket or reply the mail made). */
  async storeIn(
    trx: Db,
    v: {
      clientId: string;
      ticketId: string;
      eventId: string | null;
      mailId: string | null;
      files: readonly IncomingFile[];
      public: boolean;
      createdBy: string | null;
      at: string;
    },
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const file of v.files) {
      ids.push(
        await insertAttachment(trx, {
          ...v,
          fileName: safeFileName(file.fileName),
          contentType: safeContentType(file.contentType),
          content: file.content,
        }),
      );
    }
    return ids;
  }

  async list(ctx: Ctx, ticketId: string): Promise<Attachment[]> {
    await this.tickets.readable(ctx, ticketId);
    const rows = await listTicketAttachments(this.db, ticketId, seesInternal(ctx.actor));
    return rows.map(presentAttachment);
  }

  /** The bytes of a file the actor may see; 404 for anything else (another client's, an internal one). */
  async content(ctx: Ctx, attachmentId: string) {
    const meta = await findAttachmentMeta(this.db, attachmentId);
    if (!meta?.ticket_id) throw new AppError(404, 'not_found', 'Attachment not found');
    try {
      await this.tickets.readable(ctx, meta.ticket_id);
    } catch {
      throw new AppError(404, 'not_found', 'Attachment not found');
    }
    assertCanSeeAttachment(ctx.actor, meta);
    const content = await attachmentContent(this.db, attachmentId);
    if (!content) throw new AppError(404, 'not_found', 'Attachment not found');
    return { fileName: meta.file_name, contentType: safeContentType(meta.content_type), content };
  }
}
