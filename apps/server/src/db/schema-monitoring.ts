/**
 * Row types of the supervision tables (migration 0008). Instants are ISO text like elsewhere, except in the metric
 * tables where they are epoch milliseconds (`bigint`, read back as numbers) to keep millions of rows small.
 */
import type { Json } from './schema.js';

export interface MonitoringTables {
  agent_enrollments: AgentEnrollmentRow;
  agents: AgentRow;
  checks: CheckRow;
  check_changes: CheckChangeRow;
  alerts: AlertRow;
  alert_events: AlertEventRow;
  maintenance_windows: MaintenanceWindowRow;
  metric_series: { id: string; client_id: string; asset_id: string; name: string; unit: string | null };
  metric_samples: { series_id: string; at: number; value: number };
  metric_rollups: MetricRollupRow;
  asset_inventories: AssetInventoryRow;
  asset_packages: { asset_id: string; name: string; version: string; arch: string };
  asset_updates: {
    asset_id: string;
    name: string;
    current_version: string | null;
    candidate_version: string;
    security: number;
  };
  notification_rules: NotificationRuleRow;
  notification_deliveries: NotificationDeliveryRow;
  notification_attempts: { id: string; delivery_id: string; at: string; outcome: string; detail: string | null };
}

export interface AgentEnrollmentRow {
  id: string;
  client_id: string;
  site_id: string | null;
  label: string;
  token_hash: string;
  expires_at: string;
  uses: number;
  revoked_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AgentRow {
  id: string;
  client_id: string;
  asset_id: string;
  hostname: string;
  credential_hash: string;
  /** Still accepted after a rotation until the agent first uses its new credential. */
  previous_credential_hash: string | null;
  rotate_requested: number;
  /** `active` or `revoked`. */
  status: string;
  version: string | null;
  os: string | null;
  last_seen_at: string | null;
  last_seq: number;
  config_version: number;
  enrolled_at: string;
  revoked_at: string | null;
}

export interface CheckRow {
  id: string;
  client_id: string;
  asset_id: string;
  agent_id: string | null;
  /** See CHECK_KINDS in the contracts: server probes, agent plugins and services, the agent's heartbeat. */
  kind: string;
  name: string;
  config: Json;
  /** 1 when this check says whether the asset itself is up (ping, agent heartbeat): parents' reachability uses it. */
  host_check: number;
  interval_seconds: number;
  timeout_ms: number;
  max_attempts: number;
  enabled: number;
  /** ok | warning | critical | unknown | pending (no result yet). */
  status: string;
  hard: number;
  attempt: number;
  /** up | unreachable (a parent is down: the problem raises nothing). */
  reachability: string;
  flapping: number;
  /** The last 21 statuses, oldest first, one letter each (o w c u). */
  history: string;
  output: string | null;
  latency_ms: number | null;
  last_result_at: string | null;
  state_since: string;
  next_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CheckChangeRow {
  id: string;
  check_id: string;
  asset_id: string;
  at: string;
  /** ok | warning | critical | unknown | unreachable */
  status: string;
  hard: number;
  output: string | null;
}

export interface AlertRow {
  id: string;
  number: number;
  client_id: string;
  asset_id: string;
  check_id: string;
  fingerprint: string;
  /** problem | flapping */
  kind: string;
  /** open | resolved */
  status: string;
  severity: string;
  summary: string;
  opened_at: string;
  updated_at: string;
  resolved_at: string | null;
  ticket_id: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  /** Bumped at every state change of the alert (opened, severity, resolved): notifications are once per value. */
  change_seq: number;
}

export interface AlertEventRow {
  id: string;
  alert_id: string;
  at: string;
  /** opened | severity | acknowledged | comment | resolved | ticket | suppressed | raised */
  kind: string;
  user_id: string | null;
  body: string | null;
}

export interface MaintenanceWindowRow {
  id: string;
  client_id: string;
  /** client | site | asset | check */
  scope: string;
  scope_id: string;
  title: string;
  starts_at: string;
  duration_minutes: number;
  /** An RFC 5545 RRULE (without DTSTART) for recurring windows; null for one-off. */
  rrule: string | null;
  time_zone: string;
  created_by: string | null;
  created_at: string;
}

export interface MetricRollupRow {
  series_id: string;
  /** Bucket width in seconds: 300 or 3600. */
  resolution: number;
  bucket: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface AssetInventoryRow {
  asset_id: string;
  client_id: string;
  collected_at: string;
  os: Json;
  hardware: Json;
  services: Json;
  package_count: number;
  updates_at: string | null;
}

export interface NotificationRuleRow {
  id: string;
  name: string;
  client_id: string | null;
  team_id: string | null;
  /** warning | critical: the least severe alert this rule announces. */
  min_severity: string;
  /** email | webhook */
  channel: string;
  /** Comma-separated addresses, or the webhook URL. */
  target: string;
  /** text (mail) | json | slack | teams */
  format: string;
  repeat_minutes: number | null;
  enabled: number;
  created_at: string;
}

export interface NotificationDeliveryRow {
  id: string;
  rule_id: string;
  alert_id: string;
  client_id: string;
  change_seq: number;
  repeat_no: number;
  /** opened | severity | resolved | repeat */
  event: string;
  /** pending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
