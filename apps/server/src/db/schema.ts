/**
 * Row types of every table, snake_case as stored. Instants are ISO strings (pg parsers are set to return them so),
 * booleans are 0/1 integers and JSON columns are text in SQLite, jsonb in PostgreSQL (read through `fromJson`).
 */
export interface Database {
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
