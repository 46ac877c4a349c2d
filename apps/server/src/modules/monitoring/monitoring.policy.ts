import { type Actor, type ClientScope, clientScopeOf, inScope, isStaff } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';

/**
 * Who sees and changes supervision (DOMAIN §1, §6): provider staff within their clients (managers and admins all);
 * a client's managers and in-house IT read their own client's board, checks and metrics; requesters see none of it.
 */
export function monitoringReadScope(actor: Actor): ClientScope {
  if (actor.role === 'requester') throw forbidden('Supervision is not visible to your role');
  return clientScopeOf(actor);
}

/** Reading one client's supervision object; another client's answers 404, as if it did not exist. */
export function assertCanReadMonitoring(actor: Actor, clientId: string, what: string): void {
  if (actor.role === 'requester' || !inScope(clientScopeOf(actor), clientId)) throw notFound(what);
}

/** Configuring supervision (checks, agents, enrollment) and working alerts: provider staff of that client. */
export function assertCanOperateMonitoring(actor: Actor, clientId: string, what: string): void {
  assertCanReadMonitoring(actor, clientId, what);
  if (!isStaff(actor)) throw forbidden('Only the provider configures supervision and works alerts');
}
