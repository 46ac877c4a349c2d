/**
 * Who may do what with a ticket (DOMAIN §1, §3). Out of reach reads as "not found", like the register.
 * - Staff read and work the tickets of the clients they reach (admins and managers: all; technicians: their
 *   teams' clients).
 * - A client manager reads every ticket of their client; the client's in-house IT reads them all and works those
 *   at a level the client kept; a requester reads their own.
 * - Client people reply in public, confirm or reject a solution and rate; internal notes stay with the provider.
 */
import type { SupportLevel } from '@vigie/domain';
import { type Actor, clientScopeOf, inScope, isStaff } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import { fromJson } from '../../db/dialect.js';
import type { TicketRow } from '../../db/schema.js';

/** Which tickets a list may show to an actor. */
export interface TicketScope {
  clientIds: 'all' | readonly string[];
  /** Set for requesters: only the tickets they asked for. */
  requesterUserId: string | null;
}

export function ticketScopeOf(actor: Actor): TicketScope {
  return {
    clientIds: clientScopeOf(actor),
    requesterUserId: actor.role === 'requester' ? actor.userId : null,
  };
}

type Guarded = Pick<TicketRow, 'client_id' | 'requester_user_id' | 'support_level' | 'levels_delivered'>;

export function canReadTicket(actor: Actor, ticket: Guarded): boolean {
  if (!inScope(clientScopeOf(actor), ticket.client_id)) return false;
  if (actor.role === 'requester') return actor.userId !== null && ticket.requester_user_id === actor.userId;
  return true;
}

/** Working a ticket: assigning, taking, notes, status, escalation, resolution, time. */
export function canWorkTicket(actor: Actor, ticket: Guarded): boolean {
  if (!canReadTicket(actor, ticket)) return false;
  if (isStaff(actor)) return true;
  if (actor.role === 'client_it') {
    const delivered = fromJson<SupportLevel[]>(ticket.levels_delivered);
    return !delivered.includes(ticket.support_level as SupportLevel);
  }
  return false;
}

export function assertCanReadTicket(actor: Actor, ticket: Guarded | undefined): asserts ticket is Guarded {
  if (!ticket || !canReadTicket(actor, ticket)) throw notFound('Ticket');
}

export function assertCanWorkTicket(actor: Actor, ticket: Guarded | undefined): asserts ticket is Guarded {
  assertCanReadTicket(actor, ticket);
  if (!canWorkTicket(actor, ticket)) {
    throw forbidden(
      actor.role === 'client_it'
        ? 'This ticket is at a support level your company gave to the provider'
        : 'Your role cannot work tickets',
    );
  }
}

/** The requester's side of a resolution: confirm, reject, rate. Staff may do it on the requester's behalf. */
export function assertCanAnswerForRequester(actor: Actor, ticket: Guarded | undefined): asserts ticket is Guarded {
  assertCanReadTicket(actor, ticket);
  if (actor.role === 'client_it' && !canWorkTicket(actor, ticket)) {
    throw forbidden('Only the requester or the client manager can answer for the requester');
  }
}

/** Internal notes and provider-only fields. */
export function seesInternal(actor: Actor): boolean {
  return isStaff(actor);
}

/** Opening a ticket for a client: staff of that client, or the client's own people. */
export function assertCanOpenTicketFor(actor: Actor, clientId: string): void {
  if (!inScope(clientScopeOf(actor), clientId)) throw notFound('Client');
}
