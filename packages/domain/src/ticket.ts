/**
 * What a ticket is, outside its lifecycle: where it came from, what kind of work it is, how people name it
 * (`T-000123`), and which contract domain an asset falls in (DOMAIN §2: the asset's contract decides scope).
 */
import type { AssetType } from './asset-types.js';
import type { ScopeDomain } from './contract.js';

/** Every intake channel (DOMAIN §3). */
export const TICKET_SOURCES = ['phone', 'api', 'email', 'portal', 'monitoring', 'maintenance'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

/** An incident (something broke), a request (something wanted), or a task (follow-up work, e.g. after a workaround). */
export const TICKET_TYPES = ['incident', 'request', 'task'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

const REFERENCE = /^T-(\d{6,})$/;
const TAG = /\[T-(\d{6,})\]/;

/** The reference people quote on the phone and in mail subjects: `T-` and at least six digits. */
export function ticketReference(number: number): string {
  return `T-${String(number).padStart(6, '0')}`;
}

/** The ticket number of a reference (`T-000123` → 123), or null when the text is not one. */
export function parseTicketReference(text: string): number | null {
  const match = REFERENCE.exec(text.trim().toUpperCase());
  return match ? Number(match[1]) : null;
}

/** The ticket number tagged in a mail subject (`Re: [T-000123] Printer`), or null. */
export function ticketNumberInSubject(subject: string): number | null {
  const match = TAG.exec(subject);
  return match ? Number(match[1]) : null;
}

const DOMAIN_OF_TYPE: Record<AssetType, ScopeDomain> = {
  server: 'servers',
  nas: 'servers',
  switch: 'network',
  router: 'network',
  firewall: 'security',
  access_point: 'network',
  ups: 'servers',
  workstation: 'workstations',
  laptop: 'workstations',
  printer: 'workstations',
  phone: 'workstations',
  virtual_machine: 'virtualization',
  virtual_firewall: 'security',
  hypervisor_cluster: 'virtualization',
  database: 'databases',
  application: 'applications',
  office_suite: 'applications',
  business_software: 'business_software',
  service: 'applications',
  domain_name: 'network',
  tls_certificate: 'security',
  cloud_resource: 'cloud',
  backup_repository: 'backups',
};

/** The contract domain an asset of this type belongs to: a switch is network, a NAS a server, a VM virtualization. */
export function scopeDomainOfAssetType(type: AssetType): ScopeDomain {
  return DOMAIN_OF_TYPE[type];
}

/**
 * Whether a contract covers work on these domains: every domain touched must be in scope. With no asset and no
 * category domain, the work is in scope of a total contract only when the contract lists no domain restriction,
 * so an unqualified ticket is never flagged billable by default.
 */
export function coversDomains(scopeDomains: readonly ScopeDomain[], touched: readonly ScopeDomain[]): boolean {
  return touched.every((domain) => scopeDomains.includes(domain));
}

/** What contract choice needs to know of a contract in force. */
export interface ContractInForce {
  id: string;
  scopeDomains: readonly ScopeDomain[];
}

/**
 * The contract a ticket runs under (DOMAIN §2): the first contract in force (oldest first) that covers every domain
 * the ticket touches (its assets' domains and its category's). When none covers them, the main contract still
 * gives the SLA and the ticket is flagged out of scope (billable), never refused. No contract in force: no SLA,
 * out of scope.
 */
export function chooseContract<C extends ContractInForce>(
  contracts: readonly C[],
  touched: readonly ScopeDomain[],
): { contract: C | null; outOfScope: boolean } {
  const covering = contracts.find((c) => coversDomains(c.scopeDomains, touched));
  if (covering) return { contract: covering, outOfScope: false };
  return { contract: contracts[0] ?? null, outOfScope: true };
}
