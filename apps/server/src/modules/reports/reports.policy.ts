/**
 * Who reads and sends the monthly SLA report (DOMAIN §1: a client manager sees "all tickets, assets and reports of
 * the client"). Out of reach reads as "not found", like the register; the report of one's own client refused to a
 * role that does not get it answers 403.
 * - Provider staff read the reports of the clients they reach, and mail them to the client's managers.
 * - A client manager reads their own client's report; requesters and in-house IT do not.
 */
import { type Actor, clientScopeOf, inScope, isStaff } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';

export function assertCanReadReport(actor: Actor, clientId: string): void {
  if (!inScope(clientScopeOf(actor), clientId)) throw notFound('Client');
  if (!isStaff(actor) && actor.role !== 'client_manager') {
    throw forbidden('The SLA report is for the client’s managers');
  }
}

export function assertCanSendReport(actor: Actor, clientId: string): void {
  assertCanReadReport(actor, clientId);
  if (!isStaff(actor)) throw forbidden('Only provider staff send the SLA report');
}
