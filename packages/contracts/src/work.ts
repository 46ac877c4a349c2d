import { z } from 'zod';
import { Id, IsoDate, IsoInstant, OptionalText } from './common.js';

export const TimeEntry = z.object({
  id: Id,
  ticketId: Id,
  user: z.object({ id: Id, name: z.string() }),
  workDate: IsoDate,
  minutes: z.number().int(),
  billable: z.boolean(),
  /** The technician's note; null for client people (work notes stay with the provider). */
  note: z.string().nullable(),
  createdAt: IsoInstant,
});
export type TimeEntry = z.infer<typeof TimeEntry>;
export const TimeEntryInput = z.object({
  minutes: z
    .number()
    .int()
    .min(1, 'at least one minute')
    .max(24 * 60),
  billable: z.boolean().optional().describe('defaults to true when the ticket is out of the contract scope'),
  note: OptionalText(2000),
  workDate: IsoDate.optional().describe('defaults to today in the client time zone'),
});

/** How much of a contract's prepaid hours the current period has used. */
export const HourBankUsage = z.object({
  contractId: Id,
  period: z.enum(['month', 'quarter', 'year', 'contract']),
  periodStart: IsoDate,
  /** null: a whole-contract bank of a contract without an end date. */
  periodEnd: IsoDate.nullable(),
  hours: z.number(),
  rollover: z.enum(['none', 'next_period']),
  /** Minutes left unused in the previous period and added to this one (rollover `next_period`). */
  carriedOverMinutes: z.number().int(),
  /** hours × 60 + carriedOverMinutes. */
  availableMinutes: z.number().int(),
  usedMinutes: z.number().int(),
  /** Negative once more was used than the bank held. */
  remainingMinutes: z.number().int(),
  warningPercent: z.number(),
  warning: z.boolean(),
  exhausted: z.boolean(),
});
export type HourBankUsage = z.infer<typeof HourBankUsage>;

export const INTERVENTION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const Intervention = z.object({
  id: Id,
  ticketId: Id,
  site: z.object({ id: Id, name: z.string() }),
  technician: z.object({ id: Id, name: z.string() }),
  scheduledStart: IsoInstant,
  durationMinutes: z.number().int(),
  travelMinutes: z.number().int(),
  status: z.enum(INTERVENTION_STATUSES),
  report: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
});
export type Intervention = z.infer<typeof Intervention>;
export const InterventionInput = z.object({
  siteId: Id,
  technicianId: Id.optional().describe('defaults to the caller'),
  scheduledStart: z.iso.datetime({ offset: true }),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  travelMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(0),
});
/** Closing a visit: what was done, and the client's signature drawn on screen (PNG data URL). */
export const InterventionReportInput = z.object({
  report: z.string().trim().min(1, 'the report says what was done').max(20_000),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  travelMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  signedBy: z.string().trim().min(1, 'the signer’s name is required').max(120),
  signaturePng: z
    .string()
    .max(500_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'a PNG image as a data URL'),
});
