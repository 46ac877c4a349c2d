import { z } from 'zod';
import { Id, IsoInstant } from './common.js';

/**
 * A file kept with a ticket (from a mail, the portal or the console). `public: false` for files of internal notes:
 * client people never see them. `url` downloads the bytes (as an attachment, never displayed inline).
 */
export const Attachment = z.object({
  id: Id,
  ticketId: Id,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  public: z.boolean(),
  createdAt: IsoInstant,
  createdByName: z.string().nullable(),
  url: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = z.object({ items: z.array(Attachment) });
export type AttachmentList = z.infer<typeof AttachmentList>;

/** Upload limits, also told to clients so that a form can refuse early. */
export const ATTACHMENT_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxFilesPerUpload: 10 } as const;
