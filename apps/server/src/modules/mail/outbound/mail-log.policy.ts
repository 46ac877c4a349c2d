/**
 * Who reads the mail log: provider staff only. Technicians see the mail of the clients their teams serve; mail that
 * belongs to no client (password links, digests) only administrators and managers.
 */
import { type Actor, type ClientScope, clientScopeOf, isProviderManager, isStaff } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';

export function assertCanReadMailLog(actor: Actor): ClientScope {
  if (!isStaff(actor)) throw forbidden('The mail log is for the provider’s staff');
  return clientScopeOf(actor);
}

/** Whether one mail is within reach: its client in scope, or no client and the actor a manager. */
export function reachesMail(actor: Actor, scope: ClientScope, clientId: string | null): boolean {
  if (clientId === null) return isProviderManager(actor);
  return scope === 'all' || scope.includes(clientId);
}
