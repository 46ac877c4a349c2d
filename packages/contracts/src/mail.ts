import { z } from 'zod';
import { Id, IsoInstant } from './common.js';

/**
 * Outbound mail as the staff console sees it: the outbox and its delivery log (each SMTP try and the relay's
 * answer), the mail of one ticket (both directions), and the daily digest setting.
 */
export const OUTBOUND_MAIL_STATUSES = ['queued', 'sent', 'failed', 'held'] as const;
export const OutboundMailStatus = z.enum(OUTBOUND_MAIL_STATUSES);
export type OutboundMailStatus = z.infer<typeof OutboundMailStatus>;

export const OUTBOUND_MAIL_KINDS = [
  'acknowledgement',
  'reply',
  'information_request',
  'resolution',
  'closure',
  'refusal_question',
  'sla_warning',
  'sla_breach',
  'digest',
  'reset',
  'invitation',
  'report',
  'bounce',
  'alert',
] as const;

export const MailAddressView = z.object({ address: z.string(), name: z.string().nullable().optional() });
export type MailAddressView = z.infer<typeof MailAddressView>;

export const OutboundMailSummary = z.object({
  id: Id,
  status: OutboundMailStatus,
  kind: z.string().nullable(),
  to: z.array(MailAddressView),
  subject: z.string(),
  locale: z.string().nullable(),
  clientId: Id.nullable(),
  clientName: z.string().nullable(),
  ticketId: Id.nullable(),
  ticketNumber: z.number().int().nullable(),
  attempts: z.number().int(),
  /** The last refusal or failure, as the relay answered it. */
  error: z.string().nullable(),
  nextAttemptAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
  sentAt: IsoInstant.nullable(),
});
export type OutboundMailSummary = z.infer<typeof OutboundMailSummary>;

export const MailAttempt = z.object({
  at: IsoInstant,
  outcome: z.enum(['sent', 'deferred', 'failed']),
  detail: z.string().nullable(),
});
export type MailAttempt = z.infer<typeof MailAttempt>;

export const OutboundMail = OutboundMailSummary.extend({
  messageId: z.string(),
  from: z.string().nullable(),
  cc: z.array(MailAddressView),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  text: z.string().nullable(),
  /** The HTML body as sent; show it in a sandboxed frame (no scripts), never inline. */
  html: z.string().nullable(),
  attachments: z.array(z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
  attemptLog: z.array(MailAttempt),
});
export type OutboundMail = z.infer<typeof OutboundMail>;

export const OutboundMailListQuery = z.object({
  status: OutboundMailStatus.optional(),
  kind: z.enum(OUTBOUND_MAIL_KINDS).optional(),
  ticketId: Id.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboundMailListQuery = z.infer<typeof OutboundMailListQuery>;

/** One message of a ticket's thread, in or out, for its "Mails" tab. */
export const TicketMail = z.object({
  id: Id,
  direction: z.enum(['in', 'out']),
  status: z.string(),
  kind: z.string().nullable(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  subject: z.string(),
  messageId: z.string(),
  inReplyTo: z.string().nullable(),
  createdAt: IsoInstant,
  attempts: z.number().int(),
  error: z.string().nullable(),
});
export type TicketMail = z.infer<typeof TicketMail>;

export const TicketMailList = z.object({ items: z.array(TicketMail) });
export type TicketMailList = z.infer<typeof TicketMailList>;

/** The daily digest of a staff member: one mail a day at `hour` (provider time, Europe/Paris). */
export const MailDigestSetting = z.object({
  enabled: z.boolean(),
  hour: z.number().int().min(0).max(23),
  lastSentOn: z.string().nullable(),
});
export type MailDigestSetting = z.infer<typeof MailDigestSetting>;

export const MailDigestInput = z.object({
  enabled: z.boolean(),
  hour: z
    .number({ error: 'an hour from 0 to 23' })
    .int()
    .min(0, 'an hour from 0 to 23')
    .max(23, 'an hour from 0 to 23')
    .default(7),
});
export type MailDigestInput = z.infer<typeof MailDigestInput>;
