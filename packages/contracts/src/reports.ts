/**
 * The monthly SLA report of one client (DOMAIN §4 "reported per client and per month"): figures of one calendar
 * month in the client's time zone. Definitions of each figure: docs/architecture.md, "Monthly SLA report".
 */
import { z } from 'zod';
import { SupportLevel } from './auth.js';
import { Id, IsoDate, IsoInstant, Locale } from './common.js';
import { TicketPriority } from './tickets.js';

/** A calendar month written YYYY-MM (months 01–12). */
export const ReportMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM (e.g. 2026-10)')
  .describe('calendar month YYYY-MM in the client’s time zone');

export const SlaReportQuery = z.object({
  month: ReportMonth.optional().describe('default: the last complete month'),
});

/** The PDF and the CSV speak the reader's language unless told otherwise. */
export const SlaReportFileQuery = SlaReportQuery.extend({
  lang: Locale.optional().describe('fr or en; default: the reader’s language'),
});

export const SlaReportSendInput = z.object({ month: ReportMonth });

/** One clock's outcomes decided in the month: met (stopped within budget) or missed (breach recorded). */
export const SlaOutcome = z.object({
  met: z.number().int(),
  missed: z.number().int(),
  /** met / (met + missed) × 100, one decimal; null when no clock was decided in the month. */
  percent: z.number().nullable(),
});

export const SlaBreach = z.object({
  ticketId: Id,
  reference: z.string(),
  title: z.string(),
  priority: TicketPriority,
  clock: z.enum(['tto', 'ttr']),
  /** The deadline that was overrun. */
  deadline: IsoInstant,
  /** When the breach was recorded (once per ticket and clock). */
  breachedAt: IsoInstant,
});

export const HourBankMonth = z.object({
  contractId: Id,
  reference: z.string(),
  hours: z.number(),
  periodStart: IsoDate,
  periodEnd: IsoDate.nullable(),
  availableMinutes: z.number().int(),
  usedMinutes: z.number().int(),
  remainingMinutes: z.number().int(),
  /** Billable minutes worked in the month itself on this contract. */
  monthMinutes: z.number().int(),
  warning: z.boolean(),
  exhausted: z.boolean(),
});

/** A monitored asset's availability over the month (DOMAIN §6), outside maintenance windows. */
export const ReportAvailability = z.object({
  assetId: Id,
  name: z.string(),
  /** Share of the known time it was up × 100, three decimals; null when nothing was known (no data). */
  percent: z.number().nullable(),
  /** Whole minutes down outside maintenance; null with no data. */
  downMinutes: z.number().int().nullable(),
});

export const SlaReport = z.object({
  clientId: Id,
  clientName: z.string(),
  month: ReportMonth,
  timeZone: z.string(),
  /** First instant of the month and first instant after it, in UTC. */
  from: IsoInstant,
  to: IsoInstant,
  /** false for the month in progress (figures to date). */
  complete: z.boolean(),
  generatedAt: IsoInstant,
  tickets: z.object({
    opened: z.number().int(),
    resolved: z.number().int(),
    closed: z.number().int(),
    outOfScope: z.number().int(),
  }),
  tto: SlaOutcome,
  ttr: SlaOutcome,
  /** TTO and TTR outcomes of the month per priority (all four, in order). */
  slaByPriority: z.array(z.object({ priority: TicketPriority, tto: SlaOutcome, ttr: SlaOutcome })),
  breaches: z.array(SlaBreach),
  byPriority: z.array(z.object({ priority: TicketPriority, count: z.number().int() })),
  byLevel: z.array(z.object({ level: SupportLevel, count: z.number().int() })),
  byCategory: z.array(z.object({ categoryId: Id.nullable(), name: z.string().nullable(), count: z.number().int() })),
  escalations: z.object({
    functional: z.number().int(),
    hierarchical: z.number().int(),
    ticketsEscalated: z.number().int(),
    toLevel: z.array(z.object({ level: SupportLevel, count: z.number().int() })),
  }),
  daily: z.array(z.object({ date: IsoDate, opened: z.number().int(), resolved: z.number().int() })),
  satisfaction: z.object({
    ratings: z.number().int(),
    /** Two decimals; null without ratings. */
    average: z.number().nullable(),
    distribution: z.array(z.object({ rating: z.number().int(), count: z.number().int() })),
  }),
  time: z.object({ billableMinutes: z.number().int(), coveredMinutes: z.number().int() }),
  hourBanks: z.array(HourBankMonth),
  /** Monitored assets, the least available first, those without data last. */
  availability: z.array(ReportAvailability),
  /** When this month's report was last mailed to the client's managers. */
  sentAt: IsoInstant.nullable(),
});

export const SlaReportSent = z.object({
  month: ReportMonth,
  sentAt: IsoInstant,
  recipients: z.array(z.object({ name: z.string(), email: z.string(), locale: Locale })),
});

export type ReportMonth = z.infer<typeof ReportMonth>;
export type SlaReportQuery = z.infer<typeof SlaReportQuery>;
export type SlaReportFileQuery = z.infer<typeof SlaReportFileQuery>;
export type SlaReportSendInput = z.infer<typeof SlaReportSendInput>;
export type SlaOutcome = z.infer<typeof SlaOutcome>;
export type SlaBreach = z.infer<typeof SlaBreach>;
export type HourBankMonth = z.infer<typeof HourBankMonth>;
export type ReportAvailability = z.infer<typeof ReportAvailability>;
export type SlaReport = z.infer<typeof SlaReport>;
export type SlaReportSent = z.infer<typeof SlaReportSent>;
