/**
 * Who handles alert notifications: provider staff only (client people have no say on where the provider's alerts
 * go). Managers and administrators write rules; technicians read the rules and the log of the clients they reach,
 * and retry a failed delivery of those clients.
 */
import { type Actor, type ClientScope, clientScopeOf, isProviderManager, isStaff } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';

export function assertCanReadNotifications(actor: Actor): ClientScope {
  if (!isStaff(actor)) throw forbidden('Alert notifications are the provider’s business');
  return clientScopeOf(actor);
}

export function assertCanWriteNotificationRules(actor: Actor): void {
  assertCanReadNotifications(actor);
  if (!isProviderManager(actor)) throw forbidden('Only managers and administrators change notification rules');
}

/** A rule for every client is visible to all staff; one for a client, to those who reach it. */
export function reachesRule(scope: ClientScope, clientId: string | null): boolean {
  return clientId === null || scope === 'all' || scope.includes(clientId);
}
