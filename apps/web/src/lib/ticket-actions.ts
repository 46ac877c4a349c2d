import type { Me, Ticket } from '../api/types';
import type { SupportLevel, TicketStatus } from './enums';

export type TicketAction =
  | 'take'
  | 'assign'
  | 'hold'
  | 'resume'
  | 'escalate'
  | 'resolve'
  | 'confirm'
  | 'reject'
  | 'merge';

/** Whether an action is open, and when not, the translation key (`ticketActions.why.<key>`) that says why. */
export type Availability = { allowed: true } | { allowed: false; why: WhyNot };

export type WhyNot =
  | 'closed'
  | 'merged'
  | 'resolved'
  | 'notResolved'
  | 'alreadyYours'
  | 'takeFirst'
  | 'notPending'
  | 'alreadyPending'
  | 'clientPerson';

const OK: Availability = { allowed: true };
const no = (why: WhyNot): Availability => ({ allowed: false, why });
const WORKING: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending'];

/** Levels above the current one that the contract delivers: where a functional escalation may go. */
export function escalationTargets(ticket: Ticket): SupportLevel[] {
  return ticket.levelsDelivered.filter((level) => level > ticket.supportLevel);
}

/**
 * Which buttons of the ticket page are open (mirrors the lifecycle of DOMAIN §3: take before waiting or resolving,
 * resume only what waits, confirm or reject only what is resolved). The server has the last word; this only greys
 * buttons out with a reason instead of letting a click fail.
 */
export function availability(ticket: Ticket, me: Me, action: TicketAction): Availability {
  if (me.clientId !== null) return no('clientPerson');
  if (ticket.mergedInto) return no('merged');
  if (ticket.status === 'closed') return no('closed');
  const working = WORKING.includes(ticket.status);
  switch (action) {
    case 'take':
      if (!working) return no('resolved');
      if (ticket.assignee?.id === me.id && ticket.status !== 'assigned' && ticket.status !== 'new') {
        return no('alreadyYours');
      }
      return OK;
    case 'assign':
    case 'escalate':
    case 'merge':
      return working ? OK : no('resolved');
    case 'hold':
      if (ticket.status === 'pending') return no('alreadyPending');
      return ticket.status === 'in_progress' ? OK : working ? no('takeFirst') : no('resolved');
    case 'resume':
      return ticket.status === 'pending' ? OK : no('notPending');
    case 'resolve':
      if (ticket.status === 'in_progress' || ticket.status === 'pending') return OK;
      return working ? no('takeFirst') : no('resolved');
    case 'confirm':
    case 'reject':
      return ticket.status === 'resolved' ? OK : no('notResolved');
  }
}

/** Shortest diagnosis a functional escalation accepts (the domain's MIN_DIAGNOSIS_LENGTH). */
export const MIN_DIAGNOSIS_LENGTH = 20;
