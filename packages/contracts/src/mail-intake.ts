import { z } from 'zod';
import { Id, IsoInstant } from './common.js';

/**
 * Inbound mail as the staff console sees it (the mail log's `in` side): every message the SMTP listener or the IMAP
 * poller stored, what became of it, and the actions on the ones left to a person (triage, quarantine).
 */
export const INBOUND_MAIL_STATUSES = ['received', 'processed', 'ignored', 'triage', 'quarantined'] as const;
export const InboundMailStatus = z.enum(INBOUND_MAIL_STATUSES);
export type InboundMailStatus = z.infer<typeof InboundMailStatus>;

/**
 * What the message turned out to be: a new ticket, a reply on a ticket, traffic no person wrote (automated, bounce),
 * a reply with the helpdesk only in Cc that threads nowhere (cc_only), an unknown sender (unknown_sender), a message
 * refused for its size or attachments (refused), or one that cannot be read (malformed).
 */
export const InboundMailKind = z.enum([
  'new_ticket',
  'reply',
  'note',
  'automated',
  'bounce',
  'cc_only',
  'unknown_sender',
  'refused',
  'malformed',
  'discarded',
]);
export type InboundMailKind = z.infer<typeof InboundMailKind>;

export const InboundMailSummary = z.object({
  id: Id,
  status: InboundMailStatus,
  kind: InboundMailKind.nullable(),
  channel: z.enum(['smtp', 'imap']),
  messageId: z.string(),
  fromAddress: z.string().nullable(),
  subject: z.string(),
  clientId: Id.nullable(),
  clientName: z.string().nullable(),
  ticketId: Id.nullable(),
  ticketNumber: z.number().int().nullable(),
  /** Why it was ignored, left to triage, or could not be read. */
  error: z.string().nullable(),
  sizeBytes: z.number().int(),
  createdAt: IsoInstant,
  processedAt: IsoInstant.nullable(),
});
export type InboundMailSummary = z.infer<typeof InboundMailSummary>;

export const InboundMail = InboundMailSummary.extend({
  fromName: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  /** The text as read (HTML turned into text; nothing of it is ever run). */
  text: z.string().nullable(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  attachments: z.array(z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
  rawUrl: z.string(),
});
export type InboundMail = z.infer<typeof InboundMail>;

export const InboundMailListQuery = z.object({
  status: InboundMailStatus.default('triage'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InboundMailListQuery = z.infer<typeof InboundMailListQuery>;

/** A technician gives a triage mail to a client: the ticket is opened from it, for that contact if named. */
export const InboundMailAssignInput = z.object({
  clientId: Id,
  requesterContactId: Id.nullable().optional(),
});
export type InboundMailAssignInput = z.infer<typeof InboundMailAssignInput>;
