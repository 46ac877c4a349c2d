/**
 * Row types of every table, snake_case as stored. Instants are ISO strings (pg parsers are set to return them so),
 * booleans are 0/1 integers and JSON columns are text in SQLite, jsonb in PostgreSQL (read through `fromJson`).
 */
import type { MonitoringTables } from './schema-monitoring.js';

export interface Database extends MonitoringTables {
  users: UserRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  login_throttle: LoginThrottleRow;
  teams: TeamRow;
  team_members: { team_id: string; user_id: string };
  team_clients: { team_id: string; client_id: string };
  clients: ClientRow;
  client_mail_domains: { domain: string; client_id: string };
  sites: SiteRow;
  contacts: ContactRow;
  contracts: ContractRow;
  vendors: VendorRow;
  assets: AssetRow;
  asset_relations: AssetRelationRow;
  audit_events: AuditEventRow;
  counters: { name: string; value: number };
  settings: { key: string; value: Json; updated_at: string };
  ticket_categories: TicketCategoryRow;
  tickets: TicketRow;
  ticket_assets: { ticket_id: string; asset_id: string };
  ticket_events: TicketEventRow;
  sla_milestones: SlaMilestoneRow;
  notifications: NotificationRow;
  saved_views: { id: string; user_id: string; name: string; query: Json; created_at: string };
  time_entries: TimeEntryRow;
  interventions: InterventionRow;
  kb_articles: KbArticleRow;
  ticket_fts: { rowid: number; document: string };
  kb_fts: { rowid: number; document: string };
  mail_messages: MailMessageRow;
  mail_sources: { mail_id: string; raw: Uint8Array };
  mail_attempts: { id: string; mail_id: string; at: string; outcome: string; detail: string | null };
  attachments: AttachmentRow;
  one_time_links: OneTimeLinkRow;
  report_sends: { client_id: string; month: string; mail_id: string | null; sent_at: string };
  /** People who asked for one mail a day summing up their desk; `last_sent_on` (a local date) sends it once. */
  mail_digests: { user_id: string; hour: number; last_sent_on: string | null; created_at: string };
}

export type Json = unknown;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  client_id: string | null;
  support_level: number | null;
  specialties: Json;
  locale: string;
  active: number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: Json;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface LoginThrottleRow {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface TeamRow {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClientRow {
  id: string;
  code: string;
  name: string;
  legal_name: string;
  time_zone: string;
  locale: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: Json;
  notes: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface SiteRow {
  id: string;
  client_id: string;
  name: string;
  address: Json;
  phone: string | null;
  time_zone: string | null;
  access_notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactRow {
  id: string;
  client_id: string;
  site_id: string | null;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  job_title: string | null;
  locale: string;
  is_primary: number;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContractRow {
  id: string;
  client_id: string;
  reference: string;
  name: string;
  kind: string;
  delivery: string;
  scope_domains: Json;
  support_levels: Json;
  sla_policy: Json;
  calendar: Json;
  hour_bank: Json | null;
  starts_on: string;
  ends_on: string | null;
  auto_renew: number;
  renewal_notice_days: number;
  status: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface VendorRow {
  id: string;
  name: string;
  website: string | null;
  support_phone: string | null;
  support_email: string | null;
  support_url: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssetRow {
  id: string;
  client_id: string;
  site_id: string | null;
  name: string;
  type: string;
  criticality: number;
  status: string;
  owner_contact_id: string | null;
  vendor_id: string | null;
  vendor_contract_ref: string | null;
  attributes: Json;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssetRelationRow {
  id: string;
  client_id: string;
  source_id: string;
  kind: string;
  target_id: string;
  created_at: string;
}

export interface AuditEventRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  client_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
}

export interface TicketCategoryRow {
  id: string;
  name: string;
  scope_domain: string | null;
  default_team_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface TicketRow {
  id: string;
  number: number;
  client_id: string;
  contract_id: string | null;
  title: string;
  description: string;
  type: string;
  source: string;
  status: string;
  pending_reason: string | null;
  /** 1 until closed (merged tickets are closed). */
  is_open: number;
  priority: string;
  impact: number;
  urgency: number;
  category_id: string | null;
  support_level: number;
  entry_level: number;
  levels_delivered: Json;
  out_of_scope: number;
  team_id: string | null;
  assignee_id: string | null;
  requester_contact_id: string | null;
  requester_user_id: string | null;
  requester_name: string | null;
  /** The ticket's SLA clocks (see tickets/sla-state.ts); null when no contract gives it one. */
  sla: Json | null;
  /** Nearest running deadline, or {@link NO_DEADLINE} so that queues sort and page on a non-null column. */
  due_at: string;
  next_milestone_at: string | null;
  solution: Json | null;
  follow_up_ticket_id: string | null;
  parent_ticket_id: string | null;
  merged_into_id: string | null;
  manager_escalation: Json | null;
  satisfaction_rating: number | null;
  satisfaction_comment: string | null;
  taken_at: string | null;
  resolved_at: string | null;
  auto_close_at: string | null;
  closed_at: string | null;
  close_cause: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Sorts after every real deadline on both databases. */
export const NO_DEADLINE = '9999-12-31T00:00:00.000Z';

export interface TicketEventRow {
  id: string;
  ticket_id: string;
  client_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  kind: string;
  visibility: string;
  body: string | null;
  data: Json;
  /** 1 until the outbound composer has turned the event into the mail it calls for (if any). */
  mail_pending: number;
}

export interface SlaMilestoneRow {
  ticket_id: string;
  clock: string;
  milestone: string;
  client_id: string;
  fired_at: string;
  due_at: string;
}

export interface NotificationRow {
  id: string;
  user_id: string;
  ticket_id: string | null;
  kind: string;
  text: string;
  at: string;
  read_at: string | null;
}

export interface TimeEntryRow {
  id: string;
  ticket_id: string;
  client_id: string;
  contract_id: string | null;
  user_id: string;
  work_date: string;
  minutes: number;
  billable: number;
  note: string | null;
  created_at: string;
}

export interface InterventionRow {
  id: string;
  ticket_id: string;
  client_id: string;
  site_id: string;
  technician_id: string;
  scheduled_start: string;
  duration_minutes: number;
  travel_minutes: number;
  status: string;
  report: string | null;
  signed_by: string | null;
  signature_png: string | null;
  signed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface KbArticleRow {
  id: string;
  seq: number;
  client_id: string | null;
  title: string;
  body: string;
  visibility: string;
  tags: Json;
  source_ticket_id: string | null;
  author_id: string | null;
  author_name: string;
  created_at: string;
  updated_at: string;
}

/** One message of the mail log: inbound (stored before processing) or outbound (the outbox). */
export interface MailMessageRow {
  id: string;
  direction: 'in' | 'out';
  /** Without angle brackets; unique, so a second delivery of the same message is recognized. */
  message_id: string;
  /** in: received, processed, ignored, triage, quarantined; out: queued, sent, failed, held. */
  status: string;
  /** What the message is (new_ticket, reply, auto_reply, bounce… / acknowledgement, resolution, digest…). */
  kind: string | null;
  /** How it came or goes: smtp, imap, relay. */
  channel: string | null;
  ticket_id: string | null;
  client_id: string | null;
  user_id: string | null;
  from_address: string | null;
  to_addresses: Json;
  /** Outbound: the first recipient, lower-cased (the loop guard counts by it). */
  recipient: string | null;
  cc_addresses: Json;
  subject: string;
  in_reply_to: string | null;
  references: Json;
  locale: string | null;
  text_body: string | null;
  html_body: string | null;
  size_bytes: number;
  error: string | null;
  attempts: number;
  next_attempt_at: string | null;
  processed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AttachmentRow {
  id: string;
  client_id: string;
  ticket_id: string | null;
  event_id: string | null;
  mail_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  /** 0 for a file attached to an internal note: client people never see it. */
  public: number;
  created_by: string | null;
  created_at: string;
}

/** A link sent by mail that works once before it expires (password reset, invitation). Only its hash is kept. */
export interface OneTimeLinkRow {
  id: string;
  purpose: 'reset' | 'invitation';
  user_id: string;
  ticket_id: string | null;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}
