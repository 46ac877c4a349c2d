import { isClientRole, type Role, seesAllClients } from '@vigie/domain';

/** Who is acting: a person through a session or token, or the system itself (start-up, demo, jobs). */
export interface Actor {
  userId: string | null;
  name: string;
  role: Role | 'system';
  /** The client a client person belongs to. */
  clientId: string | null;
  /** Clients a technician reaches through their teams. */
  teamClientIds: readonly string[];
  /** API token scopes; null for a cookie session (full rights of the role). */
  scopes: readonly string[] | null;
}

export const systemActor: Actor = {
  userId: null,
  name: 'system',
  role: 'system',
  clientId: null,
  teamClientIds: [],
  scopes: null,
};

/** The clients whose rows an actor may reach: every one, or a list (possibly empty). */
export type ClientScope = 'all' | readonly string[];

export function clientScopeOf(actor: Actor): ClientScope {
  if (actor.role === 'system' || seesAllClients(actor.role)) return 'all';
  if (isClientRole(actor.role)) return actor.clientId ? [actor.clientId] : [];
  return actor.teamClientIds;
}

export function inScope(scope: ClientScope, clientId: string): boolean {
  return scope === 'all' || scope.includes(clientId);
}

export function isStaff(actor: Actor): boolean {
  return actor.role === 'system' || actor.role === 'admin' || actor.role === 'manager' || actor.role === 'technician';
}

export function isProviderManager(actor: Actor): boolean {
  return actor.role === 'system' || actor.role === 'admin' || actor.role === 'manager';
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'system' || actor.role === 'admin';
}

/** The request-scoped context every service call receives. */
export interface Ctx {
  actor: Actor;
  requestId: string | null;
}

export const systemCtx: Ctx = { actor: systemActor, requestId: null };
