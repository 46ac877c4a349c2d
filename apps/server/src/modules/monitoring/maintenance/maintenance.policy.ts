/**
 * Who reads and writes maintenance windows (DOMAIN §6). A window silences a client's alerts and tickets, so only the
 * people who run the client's supervision set them: provider managers and admins, and technicians of the client's
 * teams. The client's managers see their calendar (they plan the interventions with the provider); nobody else sees
 * it, and out of reach reads as "not found", like the register.
 */
import { type Actor, clientScopeOf, inScope, isStaff } from '../../../core/actor.js';
import { forbidden, notFound } from '../../../core/errors.js';

/** Whether an actor sees a client's windows (and its availability, which follows the same rule). */
export function canReadMaintenance(actor: Actor, clientId: string): boolean {
  if (!inScope(clientScopeOf(actor), clientId)) return false;
  return isStaff(actor) || actor.role === 'client_manager';
}

export function assertCanReadMaintenance(actor: Actor, clientId: string, what = 'Maintenance window'): void {
  if (!canReadMaintenance(actor, clientId)) throw notFound(what);
}

/** A client manager sees the calendar but changing it is the provider's: 403, since they know the window exists. */
export function assertCanWriteMaintenance(actor: Actor, clientId: string, what = 'Maintenance window'): void {
  assertCanReadMaintenance(actor, clientId, what);
  if (!isStaff(actor)) throw forbidden('Maintenance windows are set by the provider');
}
