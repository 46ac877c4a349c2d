import type { Role } from '@vigie/domain';
import { type Actor, type ClientScope, clientScopeOf, inScope, isStaff } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';

/** The parts of a client's register; each has its own read and write rule. */
export type RegisterArea = 'client' | 'site' | 'contact' | 'contract' | 'asset';

const ALL: RegisterArea[] = ['client', 'site', 'contact', 'contract', 'asset'];

/** DOMAIN §1: managers see all of their client; in-house IT what it needs to work tickets; requesters little. */
const READABLE: Record<Role | 'system', RegisterArea[]> = {
  system: ALL,
  admin: ALL,
  manager: ALL,
  technician: ALL,
  client_manager: ALL,
  client_it: ['client', 'site', 'contact', 'asset'],
  requester: ['client', 'site'],
};

const WRITABLE: Record<Role | 'system', RegisterArea[]> = {
  system: ALL,
  admin: ALL,
  manager: ALL,
  technician: ['site', 'contact', 'asset'],
  client_manager: ['contact'],
  client_it: [],
  requester: [],
};

const LABEL: Record<RegisterArea, string> = {
  client: 'Client',
  site: 'Site',
  contact: 'Contact',
  contract: 'Contract',
  asset: 'Asset',
};

/** Clients whose rows of this area the actor may list; refuses roles that never see the area. */
export function readScope(actor: Actor, area: RegisterArea): ClientScope {
  if (!READABLE[actor.role].includes(area)) throw forbidden(`${LABEL[area]}s are not visible to your role`);
  return clientScopeOf(actor);
}

/** Out of reach reads as "not found", so that nobody learns what exists at another client. */
export function assertCanRead(actor: Actor, area: RegisterArea, clientId: string): void {
  if (!READABLE[actor.role].includes(area) || !inScope(clientScopeOf(actor), clientId)) throw notFound(LABEL[area]);
}

export function assertCanWrite(actor: Actor, area: RegisterArea, clientId: string | null): void {
  if (clientId !== null) assertCanRead(actor, area, clientId);
  if (!WRITABLE[actor.role].includes(area)) throw forbidden(`Your role cannot change ${LABEL[area].toLowerCase()}s`);
}

/** Adding a record to a client: a client out of reach is "not found", like any other. */
export function assertCanCreateIn(actor: Actor, area: RegisterArea, clientId: string): void {
  if (!READABLE[actor.role].includes(area) || !inScope(clientScopeOf(actor), clientId)) throw notFound('Client');
  assertCanWrite(actor, area, null);
}

/** Provider-only fields (internal notes) stay with the provider. */
export function seesProviderNotes(actor: Actor): boolean {
  return isStaff(actor);
}

/** Vendors are the provider's own directory. */
export function assertCanUseVendors(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('Vendors are visible to provider staff only');
}
