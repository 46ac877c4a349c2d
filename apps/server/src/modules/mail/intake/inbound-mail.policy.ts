/**
 * Who handles inbound mail: provider staff only. A technician sees the mail of the clients they reach, plus every
 * message that has no client yet (triage, quarantine, ignored strangers): someone has to look at those, and until a
 * client is chosen they belong to no client. Client people never see the mail log (they see their tickets).
 */
import { type Actor, clientScopeOf, inScope, isStaff } from '../../../core/actor.js';
import { forbidden, notFound } from '../../../core/errors.js';

export function assertCanHandleInboundMail(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('Inbound mail is handled by the provider');
}

export function assertCanSeeInboundMail(actor: Actor, mail: { client_id: string | null } | undefined): void {
  assertCanHandleInboundMail(actor);
  if (!mail || (mail.client_id !== null && !inScope(clientScopeOf(actor), mail.client_id))) {
    throw notFound('Inbound mail');
  }
}
