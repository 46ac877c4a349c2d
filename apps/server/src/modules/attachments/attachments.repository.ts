/** Files of tickets, kept in the database (every server process sees them; a database backup holds them). */
import { createHash } from 'node:crypto';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { AttachmentRow } from '../../db/schema.js';

export type AttachmentMeta = Omit<AttachmentRow, 'content'> & { created_by_name: string | null };

export interface NewAttachment {
  clientId: string;
  ticketId: string;
  eventId: string | null;
  mailId: string | null;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  public: boolean;
  createdBy: string | null;
  at: string;
}

export async function insertAttachment(db: Db, file: NewAttachment): Promise<string> {
  const id = newId();
  await db
    .insertInto('attachments')
    .values({
      id,
      client_id: file.clientId,
      ticket_id: file.ticketId,
      event_id: file.eventId,
      mail_id: file.mailId,
      file_name: file.fileName,
      content_type: file.contentType,
      size_bytes: file.content.byteLength,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      public: file.public ? 1 : 0,
      created_by: file.createdBy,
      created_at: file.at,
    })
    .execute();
  return id;
}

function selectMeta(db: Db) {
  return db
    .selectFrom('attachments')
    .leftJoin('users', 'users.id', 'attachments.created_by')
    .select([
      'attachments.id',
      'attachments.client_id',
      'attachments.ticket_id',
      'attachments.event_id',
      'attachments.mail_id',
      'attachments.file_name',
      'attachments.content_type',
      'attachments.size_bytes',
      'attachments.sha256',
      'attachments.public',
      'attachments.created_by',
      'attachments.created_at',
      'users.name as created_by_name',
    ]);
}

/** A ticket's files, oldest first; internal ones only when asked (staff). */
export async function listTicketAttachments(
  db: Db,
  ticketId: string,
  includeInternal: boolean,
): Promise<AttachmentMeta[]> {
  let q = selectMeta(db).where('attachments.ticket_id', '=', ticketId);
  if (!includeInternal) q = q.where('attachments.public', '=', 1);
  return q.orderBy('attachments.created_at').orderBy('attachments.id').limit(500).execute();
}

export async function findAttachmentMeta(db: Db, id: string): Promise<AttachmentMeta | undefined> {
  return selectMeta(db).where('attachments.id', '=', id).executeTakeFirst();
}

export async function attachmentContent(db: Db, id: string): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('attachments').select('content').where('id', '=', id).executeTakeFirst();
  return row?.content;
}
