import { z } from 'zod';
import { Id, IsoInstant, ListQuery, patchOf } from './common.js';

/**
 * Supervision as the console and the portal see it (DOMAIN §6): checks and their state, alerts and their timeline,
 * maintenance windows, agents and enrollment, metrics and availability. The agent's own protocol is in agent.ts.
 */
export const CHECK_KINDS = ['icmp', 'tcp', 'http', 'tls', 'dns', 'snmp', 'plugin', 'service', 'heartbeat'] as const;
export const CheckKind = z.enum(CHECK_KINDS);
export type CheckKind = z.infer<typeof CheckKind>;
/** Kinds the server runs itself; `plugin` and `service` are run by the agent, `heartbeat` is the agent's silence. */
export const SERVER_CHECK_KINDS = ['icmp', 'tcp', 'http', 'tls', 'dns', 'snmp'] as const;

export const CHECK_STATUS_VALUES = ['ok', 'warning', 'critical', 'unknown', 'pending'] as const;
export const CheckStatusValue = z.enum(CHECK_STATUS_VALUES);

const Host = z.string().trim().min(1).max(255);
const Port = z.number().int().min(1).max(65535);

/** Each kind's settings; thresholds are in the check's own unit (ms for latency, days for certificates). */
export const CheckConfig = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('icmp'),
    host: Host,
    warnMs: z.number().positive().optional(),
    critMs: z.number().positive().optional(),
  }),
  z.object({
    kind: z.literal('tcp'),
    host: Host,
    port: Port,
    warnMs: z.number().positive().optional(),
    critMs: z.number().positive().optional(),
  }),
  z.object({
    kind: z.literal('http'),
    url: z.url({ protocol: /^https?$/ }),
    method: z.enum(['GET', 'HEAD']).default('GET'),
    expectStatus: z.array(z.number().int().min(100).max(599)).max(20).optional().describe('default: 200–399'),
    keyword: z.string().max(200).optional(),
    warnMs: z.number().positive().optional(),
    critMs: z.number().positive().optional(),
    ignoreTlsErrors: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('tls'),
    host: Host,
    port: Port.default(443),
    servername: Host.optional(),
    warnDays: z.number().int().min(0).default(21),
    critDays: z.number().int().min(0).default(7),
  }),
  z.object({
    kind: z.literal('dns'),
    name: Host,
    recordType: z.enum(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS']).default('A'),
    server: z.string().max(255).optional().describe('host or host:port; default: the system resolver'),
    expect: z.string().max(500).optional().describe('an answer that must be among those returned'),
  }),
  z.object({
    kind: z.literal('snmp'),
    host: Host,
    port: Port.default(161),
    community: z.string().min(1).max(100).default('public'),
    oid: z.string().regex(/^\.?\d+(\.\d+)+$/, 'a numeric OID such as 1.3.6.1.2.1.1.3.0'),
    warn: z.number().optional(),
    crit: z.number().optional(),
    /** Which way the thresholds point: above (a temperature) or below (a battery charge). */
    direction: z.enum(['above', 'below']).default('above'),
  }),
  z.object({ kind: z.literal('plugin'), command: z.array(z.string().min(1).max(1000)).min(1).max(50) }),
  z.object({ kind: z.literal('service'), unit: z.string().min(1).max(255) }),
  z.object({ kind: z.literal('heartbeat'), silenceSeconds: z.number().int().min(60).max(86400).default(300) }),
]);
export type CheckConfig = z.infer<typeof CheckConfig>;

export const CheckInput = z.object({
  assetId: Id,
  name: z.string().trim().min(1).max(200),
  config: CheckConfig,
  intervalSeconds: z.number().int().min(10).max(86400).default(60),
  timeoutMs: z.number().int().min(100).max(60000).default(10000),
  maxAttempts: z.number().int().min(1).max(10).default(3),
  hostCheck: z.boolean().optional().describe('this check says whether the asset is up (default for icmp)'),
  enabled: z.boolean().default(true),
});
export type CheckInput = z.infer<typeof CheckInput>;
export const CheckPatch = CheckInput.omit({ assetId: true }).partial();

export const CheckView = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  assetId: Id,
  assetName: z.string(),
  agentId: Id.nullable(),
  kind: CheckKind,
  name: z.string(),
  config: CheckConfig,
  intervalSeconds: z.number().int(),
  timeoutMs: z.number().int(),
  maxAttempts: z.number().int(),
  hostCheck: z.boolean(),
  enabled: z.boolean(),
  status: CheckStatusValue,
  hard: z.boolean(),
  attempt: z.number().int(),
  reachability: z.enum(['up', 'unreachable']),
  flapping: z.boolean(),
  inMaintenance: z.boolean(),
  output: z.string().nullable(),
  latencyMs: z.number().nullable(),
  lastResultAt: IsoInstant.nullable(),
  stateSince: IsoInstant,
});
export type CheckView = z.infer<typeof CheckView>;

export const CheckListQuery = ListQuery.extend({
  clientId: Id.optional(),
  assetId: Id.optional(),
  kind: CheckKind.optional(),
  status: z.enum(['ok', 'warning', 'critical', 'unknown', 'pending', 'problem']).optional(),
});

export const ALERT_STATUSES = ['open', 'resolved'] as const;
export const AlertSeverity = z.enum(['warning', 'critical', 'unknown']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

export const AlertSummary = z.object({
  id: Id,
  number: z.number().int(),
  clientId: Id,
  clientName: z.string(),
  assetId: Id,
  assetName: z.string(),
  checkId: Id,
  checkName: z.string(),
  kind: z.enum(['problem', 'flapping']),
  status: z.enum(ALERT_STATUSES),
  severity: AlertSeverity,
  summary: z.string(),
  openedAt: IsoInstant,
  updatedAt: IsoInstant,
  resolvedAt: IsoInstant.nullable(),
  durationMs: z.number().nullable().describe('open alerts: null'),
  ticket: z.object({ id: Id, number: z.number().int(), reference: z.string(), status: z.string() }).nullable(),
  acknowledgedAt: IsoInstant.nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type AlertSummary = z.infer<typeof AlertSummary>;

export const AlertEventView = z.object({
  id: Id,
  at: IsoInstant,
  kind: z.string(),
  userName: z.string().nullable(),
  body: z.string().nullable(),
});
export const AlertDetail = AlertSummary.extend({ events: z.array(AlertEventView) });
export type AlertDetail = z.infer<typeof AlertDetail>;

export const AlertListQuery = ListQuery.extend({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  clientId: Id.optional(),
  assetId: Id.optional(),
  severity: AlertSeverity.optional(),
  acknowledged: z.enum(['yes', 'no']).optional(),
});

export const AlertNoteInput = z.object({ body: z.string().trim().min(1).max(5000) });
export const AcknowledgeInput = z.object({ comment: z.string().trim().max(5000).optional() });

/** Figures at the top of the board: open alerts by severity, checks by status. */
export const BoardSummary = z.object({
  openAlerts: z.object({ critical: z.number().int(), warning: z.number().int(), unknown: z.number().int() }),
  unacknowledged: z.number().int(),
  checks: z.object({
    ok: z.number().int(),
    warning: z.number().int(),
    critical: z.number().int(),
    unknown: z.number().int(),
    pending: z.number().int(),
    unreachable: z.number().int(),
  }),
  agents: z.object({ online: z.number().int(), offline: z.number().int() }),
});
export type BoardSummary = z.infer<typeof BoardSummary>;

export const MAINTENANCE_SCOPES = ['client', 'site', 'asset', 'check'] as const;
export const MaintenanceInput = z.object({
  clientId: Id,
  scope: z.enum(MAINTENANCE_SCOPES),
  scopeId: Id.describe('the client, site, asset or check the window covers'),
  title: z.string().trim().min(1).max(200),
  startsAt: IsoInstant,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 14),
  rrule: z
    .string()
    .trim()
    .max(500)
    .regex(/^(RRULE:)?FREQ=/i, 'an RRULE such as FREQ=WEEKLY;BYDAY=SU')
    .optional()
    .describe('recurrence, RFC 5545 (DTSTART is startsAt)'),
  timeZone: z.string().max(100).optional().describe('default: the client time zone'),
});
export type MaintenanceInput = z.infer<typeof MaintenanceInput>;
/** A window keeps its client; `rrule: null` turns a recurring window into a one-off one. */
export const MaintenancePatch = patchOf(MaintenanceInput.omit({ clientId: true })).extend({
  rrule: MaintenanceInput.shape.rrule.unwrap().nullable().optional(),
});
export type MaintenancePatch = z.infer<typeof MaintenancePatch>;

export const MaintenanceView = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  scope: z.enum(MAINTENANCE_SCOPES),
  scopeId: Id,
  scopeName: z.string(),
  title: z.string(),
  startsAt: IsoInstant,
  durationMinutes: z.number().int(),
  rrule: z.string().nullable(),
  timeZone: z.string(),
  /** Occurrences inside the asked period (or the next ones). */
  occurrences: z.array(z.object({ start: IsoInstant, end: IsoInstant })),
  activeNow: z.boolean(),
});
export type MaintenanceView = z.infer<typeof MaintenanceView>;
export const MaintenanceQuery = z.object({
  clientId: Id.optional(),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
});

export const AgentView = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  assetId: Id,
  assetName: z.string(),
  hostname: z.string(),
  status: z.enum(['active', 'revoked']),
  online: z.boolean(),
  version: z.string().nullable(),
  os: z.string().nullable(),
  lastSeenAt: IsoInstant.nullable(),
  enrolledAt: IsoInstant,
});
export type AgentView = z.infer<typeof AgentView>;

export const EnrollmentInput = z.object({
  clientId: Id,
  siteId: Id.optional(),
  label: z.string().trim().min(1).max(200),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
});
export const EnrollmentView = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  label: z.string(),
  expiresAt: IsoInstant,
  uses: z.number().int(),
  revoked: z.boolean(),
  createdAt: IsoInstant,
});
export type EnrollmentView = z.infer<typeof EnrollmentView>;
/** The token is shown once, with the one-line install command that carries it. */
export const EnrollmentCreated = EnrollmentView.extend({ token: z.string(), installCommand: z.string() });

export const MetricPoint = z.object({ t: IsoInstant, avg: z.number(), min: z.number(), max: z.number() });
export const MetricSeriesView = z.object({
  name: z.string(),
  unit: z.string().nullable(),
  resolutionSeconds: z.number().int().describe('0: raw samples'),
  points: z.array(MetricPoint),
});
export type MetricSeriesView = z.infer<typeof MetricSeriesView>;
export const MetricQuery = z.object({
  names: z
    .string()
    .max(2000)
    .describe('comma-separated series names; a trailing * matches a prefix (disk.used_percent*)'),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
});

/** One local day's availability: null when nothing was known that day outside maintenance. */
export const AvailabilityDay = z.object({ date: z.string(), ratio: z.number().nullable() });
export const AvailabilityRow = z.object({
  id: Id,
  name: z.string(),
  ratio: z.number().nullable().describe('0…1 outside maintenance; null with no data'),
  downMinutes: z.number().describe('minutes down outside maintenance, one decimal'),
  days: z.array(AvailabilityDay),
});
export const AvailabilityView = z.object({
  clientId: Id,
  month: z.string(),
  timeZone: z.string(),
  from: IsoInstant,
  to: IsoInstant,
  /** Worst first; assets with no data last. */
  assets: z.array(AvailabilityRow.extend({ checks: z.array(AvailabilityRow) })),
  /** The client's assets together, per local day: asset-time up over asset-time known. */
  days: z.array(AvailabilityDay),
});
export type AvailabilityView = z.infer<typeof AvailabilityView>;
export const AvailabilityQuery = z.object({
  clientId: Id,
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM')
    .optional()
    .describe('default: the month in progress in the client time zone'),
});
/** One asset's availability today and this month (local to the client), for the asset page. */
export const AssetAvailability = z.object({
  assetId: Id,
  day: z.object({ from: IsoInstant, to: IsoInstant, ratio: z.number().nullable(), downMinutes: z.number() }),
  month: z.object({ from: IsoInstant, to: IsoInstant, ratio: z.number().nullable(), downMinutes: z.number() }),
});
export type AssetAvailability = z.infer<typeof AssetAvailability>;

export const AssetMonitoring = z.object({
  assetId: Id,
  agent: AgentView.nullable(),
  checks: z.array(CheckView),
  openAlerts: z.array(AlertSummary),
  inventory: z
    .object({
      collectedAt: IsoInstant,
      os: z.record(z.string(), z.unknown()),
      hardware: z.record(z.string(), z.unknown()),
      packageCount: z.number().int(),
      updates: z.object({ total: z.number().int(), security: z.number().int() }),
      failedServices: z.array(z.string()),
    })
    .nullable(),
  series: z.array(z.object({ name: z.string(), unit: z.string().nullable() })),
  availability: z.object({ day: z.number().nullable(), month: z.number().nullable() }),
});
export type AssetMonitoring = z.infer<typeof AssetMonitoring>;

/**
 * A notification rule: which alerts (client, team's clients, least severity) go where (mail or a webhook). Mail
 * rules take `text`; webhooks `json` (Vigie's own document), `slack` or `teams` (an Adaptive Card).
 */
export const NotificationRuleInput = z.object({
  name: z.string().trim().min(1).max(200),
  clientId: Id.nullable().default(null).describe('null: every client'),
  teamId: Id.nullable()
    .default(null)
    .describe("only the alerts of the team's clients; mail also goes to the team's members"),
  minSeverity: z.enum(['warning', 'critical']).default('warning'),
  channel: z.enum(['email', 'webhook']),
  target: z.string().trim().max(2000).default('').describe('addresses (comma-separated) or the webhook URL'),
  format: z.enum(['text', 'json', 'slack', 'teams']).default('json').describe('mail rules are always text'),
  repeatMinutes: z.number().int().min(5).max(10080).nullable().default(null).describe('while open and unacknowledged'),
  enabled: z.boolean().default(true),
});
export type NotificationRuleInput = z.infer<typeof NotificationRuleInput>;
/** A change to a rule: the fields given replace the rule's (no defaults, so nothing absent is reset). */
export const NotificationRulePatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  clientId: Id.nullable().optional(),
  teamId: Id.nullable().optional(),
  minSeverity: z.enum(['warning', 'critical']).optional(),
  channel: z.enum(['email', 'webhook']).optional(),
  target: z.string().trim().max(2000).optional(),
  format: z.enum(['text', 'json', 'slack', 'teams']).optional(),
  repeatMinutes: z.number().int().min(5).max(10080).nullable().optional(),
  enabled: z.boolean().optional(),
});
export type NotificationRulePatch = z.infer<typeof NotificationRulePatch>;
export const NotificationRuleView = NotificationRuleInput.extend({ id: Id, createdAt: IsoInstant });
export type NotificationRuleView = z.infer<typeof NotificationRuleView>;
export const NOTIFICATION_DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
/** The delivery log: one message per rule, alert change (and repeat), with every try. */
export const NotificationDeliveryView = z.object({
  id: Id,
  ruleId: Id,
  ruleName: z.string(),
  channel: z.enum(['email', 'webhook']),
  clientId: Id,
  alertId: Id,
  alertNumber: z.number().int(),
  event: z.enum(['opened', 'severity', 'resolved', 'repeat']),
  repeatNo: z.number().int(),
  status: z.enum(NOTIFICATION_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: IsoInstant.nullable(),
  lastError: z.string().nullable(),
  createdAt: IsoInstant,
  sentAt: IsoInstant.nullable(),
  attemptLog: z.array(
    z.object({ at: IsoInstant, outcome: z.enum(['sent', 'deferred', 'failed']), detail: z.string().nullable() }),
  ),
});
export type NotificationDeliveryView = z.infer<typeof NotificationDeliveryView>;
export const NotificationDeliveryQuery = z.object({
  status: z.enum(NOTIFICATION_DELIVERY_STATUSES).optional(),
  alertId: Id.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationDeliveryQuery = z.infer<typeof NotificationDeliveryQuery>;

/** What the live board receives on its event stream (GET /monitoring/stream, server-sent events). */
export const BoardEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('alert'), alert: AlertSummary }),
  z.object({ type: z.literal('check'), checkId: Id, assetId: Id, clientId: Id, status: CheckStatusValue }),
]);
export type BoardEvent = z.infer<typeof BoardEvent>;
