import type { Me } from '../api/types';
import { isClientRole } from '../lib/enums';

export type NavKey =
  | 'tickets'
  | 'clients'
  | 'assets'
  | 'audit'
  | 'users'
  | 'teams'
  | 'ticketSettings'
  | 'kb'
  | 'tokens'
  | 'reports'
  | 'myCompany'
  | 'portal'
  | 'portalNew'
  | 'portalReport';

/** Which navigation entries a role sees. */
export function navFor(user: Me): NavKey[] {
  switch (user.role) {
    case 'admin':
      return ['tickets', 'kb', 'clients', 'assets', 'reports', 'audit', 'users', 'teams', 'ticketSettings', 'tokens'];
    case 'manager':
      return ['tickets', 'kb', 'clients', 'assets', 'reports', 'audit', 'teams', 'ticketSettings', 'tokens'];
    case 'technician':
      return ['tickets', 'kb', 'clients', 'assets', 'reports', 'tokens'];
    case 'client_manager':
      return ['portal', 'portalNew', 'portalReport', 'myCompany'];
    default:
      return ['portal', 'portalNew', 'myCompany'];
  }
}

/** Parts of a client's register, each with its own read and write rule (mirrors the server's register policy). */
export type RegisterArea = 'client' | 'site' | 'contact' | 'contract' | 'asset';

const ALL: RegisterArea[] = ['client', 'site', 'contact', 'contract', 'asset'];
const READABLE: Record<Me['role'], RegisterArea[]> = {
  admin: ALL,
  manager: ALL,
  technician: ALL,
  client_manager: ALL,
  client_it: ['client', 'site', 'contact', 'asset'],
  requester: ['client', 'site'],
};
const WRITABLE: Record<Me['role'], RegisterArea[]> = {
  admin: ALL,
  manager: ALL,
  technician: ['site', 'contact', 'asset'],
  client_manager: ['contact'],
  client_it: [],
  requester: [],
};

export function canRead(user: Me, area: RegisterArea): boolean {
  return READABLE[user.role].includes(area);
}

/** Whether the user may create, change and delete records of this area (the server has the last word). */
export function canWrite(user: Me, area: RegisterArea): boolean {
  return WRITABLE[user.role].includes(area);
}

export function canSeeAudit(user: Me): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

/** Where a user lands after sign-in. */
export function homePath(user: Me): string {
  if (isClientRole(user.role)) return '/portal';
  return '/tickets';
}

/** Provider staff work tickets (the console); client people have the portal (`/portal`). */
export function isStaff(user: Me): boolean {
  return !isClientRole(user.role);
}

/** Managers and admins read the staff list (mirrors the server's identity policy) and set the helpdesk up. */
export function canReadStaff(user: Me): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

/** Ticket categories and the priority matrix: managers and admins. */
export function canConfigureTickets(user: Me): boolean {
  return canReadStaff(user);
}

/** Knowledge-base articles are deleted by managers and admins only (staff write them). */
export function canDeleteArticles(user: Me): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

/** The audit trail of one client: managers of the provider, and the client's own manager. */
export function canSeeClientAudit(user: Me): boolean {
  return canSeeAudit(user) || user.role === 'client_manager';
}

/** The portal's service report (the month's SLA figures and the hour bank): the client's manager. */
export function canSeeServiceReport(user: Me): boolean {
  return user.role === 'client_manager';
}

/** The client's in-house IT works, in the portal, the tickets it holds at the levels the client kept. */
export function worksInHouse(user: Me): boolean {
  return user.role === 'client_it';
}

/** A requester follows their own tickets; the client's manager and IT see all of the client's. */
export function seesAllClientTickets(user: Me): boolean {
  return user.role === 'client_manager' || user.role === 'client_it';
}

/** The outgoing mail log: provider staff (technicians see the mail of the clients they serve). */
export function canSeeMailOutbox(user: Me): boolean {
  return isStaff(user);
}

/** Inbound mail (triage, quarantine): provider staff. */
export function canSeeMailInbound(user: Me): boolean {
  return isStaff(user);
}
