import { CONTRACT_KINDS, CONTRACT_STATUSES, DELIVERY_MODES, SCOPE_DOMAINS, WEEKDAYS } from '@vigie/domain';
import { z } from 'zod';
import { SupportLevel } from './auth.js';
import { Id, IsoDate, IsoInstant, OptionalText, patchOf, TimeZone } from './common.js';

const Minutes = z.number().int().min(0).max(525_600);

export const SlaTarget = z.object({
  ttoMinutes: Minutes.describe('time to own, business minutes'),
  ttrMinutes: Minutes.describe('time to resolve, business minutes'),
  aroundTheClock: z.boolean().default(false),
});

export const SlaPolicy = z.object({
  targets: z.object({ P1: SlaTarget, P2: SlaTarget, P3: SlaTarget, P4: SlaTarget }),
  warningPercent: z.number().int().min(0).max(100).default(75),
  olaMinutes: z.object({ N1: Minutes.optional(), N2: Minutes.optional(), N3: Minutes.optional() }).default({}),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const OpeningInterval = z.object({
  day: z
    .union(
      WEEKDAYS.map((d) => z.literal(d)),
      { error: 'a weekday from 1 (Monday) to 7 (Sunday)' },
    )
    .describe('1 = Monday … 7 = Sunday'),
  start: z.string().describe('HH:MM'),
  end: z.string().describe('HH:MM, 24:00 allowed'),
});

export const BusinessCalendar = z.object({
  timeZone: TimeZone.default('Europe/Paris'),
  alwaysOpen: z.boolean().default(false),
  /** Omitted: the standard office week (Monday–Friday 9:00–12:30, 13:30–18:00). */
  weekly: z.array(OpeningInterval).max(70).optional(),
  holidayRegion: z.string().trim().max(20).nullable().default(null).describe('date-holidays region, e.g. FR or FR-57'),
  closedDays: z.array(z.string()).max(366).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

/** A calendar as stored and answered: its weekly hours always spelled out. */
export const BusinessCalendarView = BusinessCalendar.extend({ weekly: z.array(OpeningInterval) });

export const HourBank = z.object({
  hours: z.number().min(0).max(100_000),
  warningPercent: z.number().int().min(1).max(100).default(80),
  rollover: z.enum(['none', 'next_period']).default('none'),
  period: z.enum(['month', 'quarter', 'year', 'contract']).default('year'),
});

export const Contract = z.object({
  id: Id,
  clientId: Id,
  reference: z.string(),
  name: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  delivery: z.enum(DELIVERY_MODES),
  scopeDomains: z.array(z.enum(SCOPE_DOMAINS)),
  supportLevels: z.array(SupportLevel),
  /** Derived: the level new tickets enter at; the levels the client keeps. */
  entryLevel: SupportLevel.nullable(),
  levelsKeptByClient: z.array(SupportLevel),
  slaPolicy: SlaPolicy,
  calendar: BusinessCalendarView,
  hourBank: HourBank.nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  autoRenew: z.boolean(),
  renewalNoticeDays: z.number().int(),
  renewalNoticeOn: z.string().nullable(),
  status: z.enum(CONTRACT_STATUSES),
  notes: z.string().nullable().optional(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Contract = z.infer<typeof Contract>;

export const ContractInput = z.object({
  reference: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(160),
  kind: z.enum(CONTRACT_KINDS),
  delivery: z.enum(DELIVERY_MODES),
  scopeDomains: z.array(z.enum(SCOPE_DOMAINS)).min(1).max(SCOPE_DOMAINS.length),
  supportLevels: z.array(SupportLevel).min(1).max(3),
  slaPolicy: SlaPolicy.optional(),
  calendar: BusinessCalendar.optional(),
  hourBank: HourBank.nullable().default(null),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable().default(null),
  autoRenew: z.boolean().default(true),
  renewalNoticeDays: z.number().int().min(0).max(365).default(90),
  status: z.enum(CONTRACT_STATUSES).default('active'),
  notes: OptionalText(5000),
});
export type ContractInput = z.input<typeof ContractInput>;
export const ContractPatch = patchOf(ContractInput);
