/**
 * One open alert per fingerprint (asset + check), and one incident ticket per alert (DOMAIN §6): a hard problem opens
 * an alert and its ticket, or updates the open one; a recovery resolves the alert (and the ticket, only when no
 * person worked on it); a problem coming back within the reopen window reopens the same ticket instead of a new one.
 */
import type { CheckTransition } from './check-state.js';

export interface AlertMemory {
  status: 'open' | 'resolved';
  resolvedAt: Date | null;
  ticketId: string | null;
}

export type AlertAction =
  | { kind: 'none' }
  | { kind: 'open'; ticket: 'new' }
  | { kind: 'open'; ticket: 'reopen'; ticketId: string }
  | { kind: 'update' }
  | { kind: 'resolve'; resolveTicket: boolean };

export function alertAction(
  last: AlertMemory | null,
  transition: CheckTransition,
  now: Date,
  options: { reopenWindowMs: number; ticketWorkedByPerson: boolean },
): AlertAction {
  if (transition === 'none') return { kind: 'none' };
  if (transition === 'recovery') {
    if (last?.status !== 'open') return { kind: 'none' };
    return { kind: 'resolve', resolveTicket: !options.ticketWorkedByPerson };
  }
  if (last?.status === 'open') return { kind: 'update' };
  const resolvedAt = last?.resolvedAt;
  const ticketId = last?.ticketId;
  if (resolvedAt && ticketId && now.getTime() - resolvedAt.getTime() <= options.reopenWindowMs) {
    return { kind: 'open', ticket: 'reopen', ticketId };
  }
  return { kind: 'open', ticket: 'new' };
}
