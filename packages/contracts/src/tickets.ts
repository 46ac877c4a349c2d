import {
  PENDING_REASONS,
  PRIORITIES,
  SOLUTION_KINDS,
  TICKET_SOURCES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@vigie/domain';
import { z } from 'zod';
import { AssetSummary } from './assets.js';
import { SupportLevel } from './auth.js';
import { Id, IsoInstant, ListQuery, OptionalText, patchOf } from './common.js';

export const TicketStatus = z.enum(TICKET_STATUSES);
export const PendingReason = z.enum(PENDING_REASONS);
export const SolutionKind = z.enum(SOLUTION_KINDS);
export const TicketPriority = z.enum(PRIORITIES);
export const TicketSource = z.enum(TICKET_SOURCES);
export const TicketType = z.enum(TICKET_TYPES);
export const Severity = z
  .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'a level from 1 (highest) to 4' })
  .describe('1 = highest … 4 = lowest');

/** One SLA clock as stored: deadlines are UTC instants; the time zone they are counted in is on the ticket's SLA. */
export const SlaClockView = z.object({
  status: z.enum(['running', 'paused', 'stopped']),
  budgetMinutes: z.number(),
  /** Business minutes consumed when the clock last changed state (frozen while paused). */
  consumedMinutes: z.number(),
  deadline: IsoInstant.nullable(),
  /** Warning instant while running. */
  warningAt: IsoInstant.nullable(),
  stoppedAt: IsoInstant.nullable(),
  met: z.boolean().nullable(),
  warned: z.boolean(),
  breached: z.boolean(),
});
export type SlaClockView = z.infer<typeof SlaClockView>;

export const TicketSla = z.object({
  timeZone: z.string(),
  tto: SlaClockView.nullable(),
  ttr: SlaClockView.nullable(),
  /** Operational level agreement of the current support level, when the contract sets one. */
  ola: SlaClockView.extend({ level: SupportLevel }).nullable(),
});
export type TicketSla = z.infer<typeof TicketSla>;

const PersonRef = z.object({ id: Id, name: z.string() });

export const TicketSummary = z.object({
  id: Id,
  number: z.number().int(),
  reference: z.string().describe('T-000123'),
  clientId: Id,
  clientCode: z.string(),
  clientName: z.string(),
  title: z.string(),
  type: TicketType,
  status: TicketStatus,
  pendingReason: PendingReason.nullable(),
  priority: TicketPriority,
  supportLevel: SupportLevel,
  source: TicketSource,
  team: PersonRef.nullable(),
  assignee: PersonRef.nullable(),
  requesterName: z.string().nullable(),
  outOfScope: z.boolean(),
  /** Held by the client's own IT at a level the client kept: no provider team, no provider SLA clock running. */
  heldInHouse: z.boolean(),
  /** The nearest running deadline (take-charge or resolution); null when no clock runs. */
  dueAt: IsoInstant.nullable(),
  sla: TicketSla,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type TicketSummary = z.infer<typeof TicketSummary>;

export const TicketRequester = z.object({
  contactId: Id.nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const Ticket = TicketSummary.extend({
  description: z.string(),
  impact: Severity,
  urgency: Severity,
  category: PersonRef.nullable(),
  contract: z.object({ id: Id, reference: z.string(), name: z.string() }).nullable(),
  requester: TicketRequester,
  assets: z.array(AssetSummary),
  entryLevel: SupportLevel,
  levelsDelivered: z.array(SupportLevel),
  solution: z.object({ kind: SolutionKind, text: z.string(), cause: z.string().nullable(), at: IsoInstant }).nullable(),
  followUpTicket: z.object({ id: Id, reference: z.string() }).nullable(),
  parentTicket: z.object({ id: Id, reference: z.string() }).nullable(),
  mergedInto: z.object({ id: Id, reference: z.string() }).nullable(),
  managerEscalation: z.object({ manager: PersonRef.nullable(), reason: z.string(), at: IsoInstant }).nullable(),
  satisfaction: z.object({ rating: z.number().int(), comment: z.string().nullable() }).nullable(),
  resolvedAt: IsoInstant.nullable(),
  closedAt: IsoInstant.nullable(),
  closeCause: z.enum(['requester_confirmation', 'auto_close']).nullable(),
  autoCloseAt: IsoInstant.nullable(),
  takenAt: IsoInstant.nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketInput = z.object({
  clientId: Id,
  title: z.string().trim().min(1, 'a title is required').max(200),
  description: z.string().max(20_000).default(''),
  type: TicketType.default('incident'),
  requesterContactId: Id.nullable().optional(),
  impact: Severity.default(3),
  urgency: Severity.default(3),
  categoryId: Id.nullable().optional(),
  assetIds: z.array(Id).max(20).default([]),
  source: z.enum(['phone', 'api', 'portal']).optional().describe('defaults to phone in a session, api with a token'),
  teamId: Id.nullable().optional(),
  assigneeId: Id.nullable().optional(),
  /** A technician logging a call takes it at once (owned, in progress). */
  takeNow: z.boolean().default(false),
  /**
   * Handled by the client's own IT at the level the client keeps below the provider's (422 when it keeps none):
   * no provider team and no provider SLA clock until it is escalated to the provider. The client's IT or staff.
   */
  handledInHouse: z.boolean().default(false),
});
export type TicketInput = z.input<typeof TicketInput>;

export const TicketPatch = patchOf(
  TicketInput.pick({
    title: true,
    description: true,
    type: true,
    impact: true,
    urgency: true,
    categoryId: true,
    assetIds: true,
    requesterContactId: true,
  }),
);

/** `in_house`: open tickets held by the client's own IT (the client_it's work queue). */
export const QUEUES = ['mine', 'team', 'unassigned', 'breaching', 'pending', 'open', 'all', 'in_house'] as const;
export const Queue = z.enum(QUEUES);
export const TICKET_SORTS = ['due', 'updated', 'created'] as const;

/** Filters accept one value or a comma-separated list. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : v), z.array(item).max(20));

export const TicketListQuery = ListQuery.extend({
  queue: Queue.default('open'),
  status: listOf(TicketStatus).optional(),
  priority: listOf(TicketPriority).optional(),
  level: listOf(z.coerce.number().pipe(SupportLevel)).optional(),
  clientId: Id.optional(),
  teamId: Id.optional(),
  assigneeId: Id.optional(),
  categoryId: Id.optional(),
  sort: z.enum(TICKET_SORTS).default('due'),
});
export type TicketListQuery = z.input<typeof TicketListQuery>;

export const AssignInput = z.object({
  teamId: Id.nullable().optional(),
  assigneeId: Id.nullable().optional(),
});

export const StatusInput = z.object({
  status: z.enum(['in_progress', 'pending']),
  pendingReason: PendingReason.optional(),
  note: OptionalText(5000),
});

export const ResolveInput = z.object({
  kind: SolutionKind,
  text: z.string().trim().min(1, 'the solution must be written down').max(20_000),
  cause: OptionalText(5000),
  /** Publish the solution as a knowledge-base article in the same step. */
  publishArticle: z.enum(['no', 'internal', 'public']).default('no'),
});

export const RejectInput = z.object({ reason: z.string().trim().min(1, 'say why the solution is refused').max(5000) });

export const EscalateInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('functional'),
    toLevel: SupportLevel,
    diagnosis: z.string().max(20_000),
    /** The team that takes the ticket at the new level; unchanged when absent. */
    teamId: Id.nullable().optional(),
    /** A technician of the new level, when already known. */
    assigneeId: Id.nullable().optional(),
  }),
  z.object({
    kind: z.literal('hierarchical'),
    reason: z.string().max(5000),
    managerId: Id.nullable().optional(),
  }),
]);

export const CommentInput = z.object({
  body: z.string().trim().min(1, 'the message is empty').max(50_000),
  visibility: z.enum(['public', 'internal']).default('public'),
});

export const RatingInput = z.object({
  rating: z.number().int().min(1).max(5),
  comment: OptionalText(2000),
});

export const MergeInput = z.object({ intoTicketId: Id });

export const TICKET_EVENT_KINDS = [
  'created',
  'reply',
  'note',
  'status',
  'assignment',
  'level',
  'escalation',
  'priority',
  'solution',
  'rejection',
  'confirmation',
  'rating',
  'merge',
  'link',
  'time',
  'intervention',
  'sla',
  'update',
] as const;

export const TicketEvent = z.object({
  id: Id,
  ticketId: Id,
  kind: z.enum(TICKET_EVENT_KINDS),
  visibility: z.enum(['public', 'internal']),
  at: IsoInstant,
  actor: z.object({ id: Id.nullable(), name: z.string() }),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TicketEvent = z.infer<typeof TicketEvent>;

export const TicketCategory = z.object({
  id: Id,
  name: z.string(),
  scopeDomain: z.string().nullable(),
  defaultTeamId: Id.nullable(),
  active: z.boolean(),
});
export type TicketCategory = z.infer<typeof TicketCategory>;
export const TicketCategoryInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopeDomain: z.string().nullable().optional(),
  defaultTeamId: Id.nullable().optional(),
  active: z.boolean().default(true),
});
export const TicketCategoryPatch = patchOf(TicketCategoryInput);

export const PriorityMatrixView = z.object({
  /** rows: impact 1…4, columns: urgency 1…4. */
  matrix: z.array(z.array(TicketPriority).length(4)).length(4),
});

export const SavedView = z.object({
  id: Id,
  name: z.string(),
  query: z.record(z.string(), z.string()),
  createdAt: IsoInstant,
});
export type SavedView = z.infer<typeof SavedView>;
export const SavedViewInput = z.object({
  name: z.string().trim().min(1).max(80),
  query: z
    .record(z.string().max(40), z.string().max(500))
    .refine((q) => Object.keys(q).length <= 20, 'too many filters'),
});

export const CallerMatch = z.object({
  clientId: Id,
  clientCode: z.string(),
  clientName: z.string(),
  contact: z
    .object({ id: Id, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
  openTickets: z.number().int(),
});
export type CallerMatch = z.infer<typeof CallerMatch>;
export const CallerLookupQuery = z.object({ q: z.string().trim().min(2).max(100) });

export const Notification = z.object({
  id: Id,
  ticketId: Id.nullable(),
  ticketReference: z.string().nullable(),
  kind: z.string(),
  text: z.string(),
  at: IsoInstant,
  readAt: IsoInstant.nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** What a milestone sets off. `assignee` falls back to the ticket's team when nobody owns it. */
export const SlaAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('notify'), to: z.enum(['assignee', 'team', 'managers']) }),
  z.object({ type: z.literal('raise_level') }),
  z.object({ type: z.literal('reassign'), teamId: Id }),
]);
export type SlaAction = z.infer<typeof SlaAction>;

export const SlaActions = z.object({
  warning: z.array(SlaAction).max(10),
  breach: z.array(SlaAction).max(10),
  /** An operational level agreement overrun: the level held the ticket too long. */
  olaBreach: z.array(SlaAction).max(10),
});
export type SlaActions = z.infer<typeof SlaActions>;

/** A person of the provider as other staff see them: enough to pick an assignee. */
export const StaffMember = z.object({
  id: Id,
  name: z.string(),
  role: z.enum(['admin', 'manager', 'technician']),
  supportLevel: SupportLevel.nullable(),
  teamIds: z.array(Id),
});
export type StaffMember = z.infer<typeof StaffMember>;
