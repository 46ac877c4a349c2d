import type {
  ApiToken,
  Asset,
  AssetRelation,
  Contract,
  Me,
  Ticket,
  TicketEvent,
  TicketListQuery,
} from '@vigie/contracts';
import type { ResolveInput } from '../api/types';

/**
 * Enum values of the API contracts. They are written out here, not read from the zod schemas at run time, so that
 * the bundle carries neither zod nor the domain's holiday tables; `Exactly` makes the type check fail as soon as
 * a list drifts from the contracts (a value missing or unknown).
 */
type Exactly<List extends readonly unknown[], Union> = [Union] extends [List[number]]
  ? [List[number]] extends [Union]
    ? List
    : never
  : never;

function exactly<Union>() {
  return <const List extends readonly Union[]>(list: List & Exactly<List, Union>): List => list;
}

type HourBank = NonNullable<Contract['hourBank']>;
type AssetRelationKind = AssetRelation['kind'];

export const ASSET_TYPES = exactly<Asset['type']>()([
  'server',
  'nas',
  'switch',
  'router',
  'firewall',
  'access_point',
  'ups',
  'workstation',
  'laptop',
  'printer',
  'phone',
  'virtual_machine',
  'virtual_firewall',
  'hypervisor_cluster',
  'database',
  'application',
  'office_suite',
  'business_software',
  'service',
  'domain_name',
  'tls_certificate',
  'cloud_resource',
  'backup_repository',
]);
export const ASSET_STATUSES = exactly<Asset['status']>()(['planned', 'in_service', 'maintenance', 'retired']);
export const RELATION_KINDS = exactly<AssetRelationKind>()([
  'runs_on',
  'depends_on',
  'connected_to',
  'backs_up',
  'protected_by',
]);
export const ROLES = exactly<Me['role']>()([
  'admin',
  'manager',
  'technician',
  'requester',
  'client_manager',
  'client_it',
]);
export const CONTRACT_KINDS = exactly<Contract['kind']>()(['total', 'partial', 'specialized']);
export const DELIVERY_MODES = exactly<Contract['delivery']>()(['remote', 'onsite', 'hybrid']);
export const SCOPE_DOMAINS = exactly<Contract['scopeDomains'][number]>()([
  'workstations',
  'servers',
  'network',
  'security',
  'applications',
  'business_software',
  'databases',
  'virtualization',
  'cloud',
  'backups',
]);
export const CONTRACT_STATUSES = exactly<Contract['status']>()(['draft', 'active', 'suspended', 'ended']);
export const HOUR_BANK_ROLLOVERS = exactly<HourBank['rollover']>()(['none', 'next_period']);
export const HOUR_BANK_PERIODS = exactly<HourBank['period']>()(['month', 'quarter', 'year', 'contract']);
export const TOKEN_SCOPES = exactly<ApiToken['scopes'][number]>()(['read', 'write', 'admin']);

/** 1 = low … 4 = vital (the contracts type it as an integer from 1 to 4). */
export const CRITICALITIES = [1, 2, 3, 4] as const;
export const SUPPORT_LEVELS = exactly<NonNullable<Me['supportLevel']>>()([1, 2, 3]);
export const PRIORITIES = exactly<keyof Contract['slaPolicy']['targets']>()(['P1', 'P2', 'P3', 'P4']);
/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = exactly<Contract['calendar']['weekly'][number]['day']>()([1, 2, 3, 4, 5, 6, 7]);

export const TICKET_STATUSES = exactly<Ticket['status']>()([
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
]);
export const PENDING_REASONS = exactly<NonNullable<Ticket['pendingReason']>>()(['requester', 'vendor', 'planned_date']);
export const SOLUTION_KINDS = exactly<ResolveInput['kind']>()(['solution', 'workaround']);
export const PUBLISH_ARTICLE = exactly<NonNullable<ResolveInput['publishArticle']>>()(['no', 'internal', 'public']);
export const TICKET_TYPES = exactly<Ticket['type']>()(['incident', 'request', 'task']);
export const TICKET_SOURCES = exactly<Ticket['source']>()([
  'phone',
  'api',
  'email',
  'portal',
  'monitoring',
  'maintenance',
]);
/** The queue tabs in the order of their keys (1…7); `in_house` is the client's IT queue, shown in the portal. */
export const TICKET_QUEUES = exactly<Exclude<NonNullable<TicketListQuery['queue']>, 'in_house'>>()([
  'mine',
  'team',
  'unassigned',
  'breaching',
  'pending',
  'open',
  'all',
]);
export const TICKET_SORTS = exactly<NonNullable<TicketListQuery['sort']>>()(['due', 'updated', 'created']);
/** Impact and urgency: 1 = very high … 4 = low. */
export const SEVERITIES = exactly<Ticket['impact']>()([1, 2, 3, 4]);
export const TICKET_EVENT_KINDS = exactly<TicketEvent['kind']>()([
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
]);

export type TicketStatus = Ticket['status'];
export type PendingReason = (typeof PENDING_REASONS)[number];
export type TicketQueue = (typeof TICKET_QUEUES)[number];
export type TicketSort = (typeof TICKET_SORTS)[number];
export type Severity = Ticket['impact'];
export type TicketEventKind = TicketEvent['kind'];
export type SlaClockName = 'tto' | 'ttr' | 'ola';
/** Statuses in which a ticket still needs work (the "open" ones). */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending'];

export type AssetTypeValue = (typeof ASSET_TYPES)[number];
export type AssetStatusValue = (typeof ASSET_STATUSES)[number];
export type RelationKindValue = (typeof RELATION_KINDS)[number];
export type RoleValue = (typeof ROLES)[number];
export type ContractKind = Contract['kind'];
export type DeliveryMode = Contract['delivery'];
export type ScopeDomain = Contract['scopeDomains'][number];
export type ContractStatus = Contract['status'];
export type Priority = (typeof PRIORITIES)[number];
export type Weekday = (typeof WEEKDAYS)[number];
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];
export type Criticality = (typeof CRITICALITIES)[number];

export const STAFF_ROLES: readonly RoleValue[] = ['admin', 'manager', 'technician'];
export const CLIENT_ROLES: readonly RoleValue[] = ['requester', 'client_manager', 'client_it'];

export function isClientRole(role: RoleValue): boolean {
  return CLIENT_ROLES.includes(role);
}

/** Translation key of each criticality (`criticality.<key>`). */
export const CRITICALITY_KEYS = { 1: 'low', 2: 'medium', 3: 'high', 4: 'vital' } as const;

/** A criticality as answered by the API (an integer), clamped to 1..4. */
export function asCriticality(value: number): Criticality {
  return Math.min(4, Math.max(1, Math.round(value))) as Criticality;
}
/** Translation key of each impact or urgency step (`severity.<key>`). */
export const SEVERITY_KEYS = { 1: 'veryHigh', 2: 'high', 3: 'medium', 4: 'low' } as const;
/** Translation key of each ISO weekday (`weekdays.<key>`). */
export const WEEKDAY_KEYS = { 1: 'mon', 2: 'tue', 3: 'wed', 4: 'thu', 5: 'fri', 6: 'sat', 7: 'sun' } as const;
