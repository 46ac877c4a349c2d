/**
 * Ticket lifecycle (DOMAIN §3): new → assigned → in_progress → pending → resolved → closed, as a transition table
 * plus the conditions each move needs, and what each move does to the SLA clocks (DOMAIN §4).
 *
 * Decisions:
 * - A reassignment (another team or person, same status) is an assignment event, not a status transition.
 * - `in_progress` always has a named technician; `assigned` may be a team or a person.
 * - A ticket is taken in hand (`in_progress`) before it can wait (`pending`) or be resolved, so the first
 *   response time is always stopped by a person.
 * - `closed` is final: a problem coming back after closing is a new ticket (linked), never a reopen.
 * - The only way back from `resolved` is the requester rejecting the solution, which reopens to `in_progress`.
 * - A waiting ticket that changed hands meanwhile (escalated, given to another team) goes back to its team's queue
 *   (`assigned`) when the wait ends, since nobody has it in progress.
 */

export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Why a ticket waits: the requester's answer, a vendor (RMA, support case), or a date agreed for the work. */
export const PENDING_REASONS = ['requester', 'vendor', 'planned_date'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

/** A solution ends the problem; a workaround restores service and keeps a follow-up task for the real fix. */
export const SOLUTION_KINDS = ['solution', 'workaround'] as const;
export type SolutionKind = (typeof SOLUTION_KINDS)[number];

/** How a resolved ticket gets closed: the requester confirms "service restored", or the auto-close delay ran out. */
export const CLOSE_CAUSES = ['requester_confirmation', 'auto_close'] as const;
export type CloseCause = (typeof CLOSE_CAUSES)[number];

/** Allowed status moves; anything else is refused. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['assigned', 'in_progress'],
  assigned: ['in_progress'],
  in_progress: ['assigned', 'pending', 'resolved'],
  pending: ['in_progress', 'assigned', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

/** What a transition brings with it; only the fields the target status needs are read. */
export interface TransitionContext {
  /** Who holds the ticket after the move. */
  assignee?: { kind: 'team' | 'person' } | null;
  pendingReason?: PendingReason | null;
  solution?: { kind: SolutionKind; text: string } | null;
  closeCause?: CloseCause | null;
  /** The requester explicitly refused the solution (a mere reply never counts as a refusal). */
  solutionRejected?: boolean;
  /**
   * The problem went away by itself (a monitoring recovery, DOMAIN §6): a ticket nobody has worked on yet may be
   * resolved straight from new or assigned.
   */
  recovered?: boolean;
}

/** Whether the table allows a move at all, before looking at what it carries (greys out buttons). */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

const label: Record<TicketStatus, string> = {
  new: 'new',
  assigned: 'assigned',
  in_progress: 'in progress',
  pending: 'pending',
  resolved: 'resolved',
  closed: 'closed',
};

/**
 * Why a move is refused, as a sentence a technician understands, or null when it may go ahead. Checks the
 * table, then what the target status needs: an assignee (`assigned`), a named technician (`in_progress`),
 * a reason (`pending`), a solution and its kind (`resolved`), the requester's confirmation or the auto-close
 * (`closed`), and an explicit rejection to reopen a resolved ticket.
 */
export function transitionProblem(
  from: TicketStatus,
  to: TicketStatus,
  context: TransitionContext = {},
): string | null {
  if (from === to) return `the ticket is already ${label[to]}`;
  if (from === 'closed') return 'a closed ticket cannot change; open a new ticket linked to it';
  if (to === 'closed' && from !== 'resolved') {
    return `a ticket cannot be closed from ${label[from]}: it must be resolved first`;
  }
  if (from === 'resolved' && to !== 'closed' && to !== 'in_progress') {
    return `a resolved ticket cannot go to ${label[to]}: it reopens to in progress when the requester rejects the solution`;
  }
  const recoveredUntouched = context.recovered === true && to === 'resolved' && (from === 'new' || from === 'assigned');
  if (!canTransition(from, to) && !recoveredUntouched) return `a ticket cannot go from ${label[from]} to ${label[to]}`;
  switch (to) {
    case 'assigned':
      if (!context.assignee) return 'assigning needs a team or a technician';
      return null;
    case 'in_progress':
      if (from === 'resolved' && !context.solutionRejected) {
        return 'a resolved ticket reopens only when the requester rejects the solution';
      }
      if (context.assignee?.kind !== 'person') return 'a ticket in progress needs a named technician';
      return null;
    case 'pending':
      if (!context.pendingReason || !PENDING_REASONS.includes(context.pendingReason)) {
        return 'a pending ticket needs a reason: the requester, a vendor or a planned date';
      }
      return null;
    case 'resolved':
      if (!context.solution || context.solution.text.trim() === '') return 'resolving needs the solution written down';
      if (!SOLUTION_KINDS.includes(context.solution.kind)) {
        return 'resolving needs the kind of fix: a solution or a workaround';
      }
      return null;
    case 'closed':
      if (!context.closeCause || !CLOSE_CAUSES.includes(context.closeCause)) {
        return "closing needs the requester's confirmation or the auto-close delay to have run out";
      }
      return null;
    default:
      return null;
  }
}

/**
 * Whether a move is the requester rejecting a solution, which the timeline records as a rejection (not a plain
 * status change) and reports count.
 */
export function isSolutionRejection(from: TicketStatus, to: TicketStatus): boolean {
  return from === 'resolved' && to === 'in_progress';
}

/** What a move tells each SLA clock; a clock already in the requested state ignores it. */
export interface SlaEffect {
  /** Time to own: stops when a named technician takes the ticket. */
  tto: 'stop' | 'none';
  /** Time to resolve: paused while waiting on others or on the requester's verdict, stopped at closing. */
  ttr: 'pause' | 'resume' | 'stop' | 'none';
}

const TTR_PAUSED: readonly TicketStatus[] = ['pending', 'resolved'];

/**
 * The SLA side of a move (DOMAIN §4). TTO stops when a named technician takes the ticket: assigned to a person, or
 * in progress. TTR pauses on entering `pending` or `resolved` (the provider is not the one holding things up),
 * resumes on leaving them for a working status (a rejected solution resumes it), and stops on `closed`.
 * `assigneeKind` is who holds the ticket after a move to `assigned`.
 */
export function slaEffect(from: TicketStatus, to: TicketStatus, assigneeKind?: 'team' | 'person'): SlaEffect {
  // A resolved ticket no longer waits to be owned (only an untouched monitoring ticket gets there unowned).
  const tto =
    to === 'in_progress' || to === 'resolved' || (to === 'assigned' && assigneeKind === 'person') ? 'stop' : 'none';
  let ttr: SlaEffect['ttr'] = 'none';
  if (to === 'closed') ttr = 'stop';
  else if (TTR_PAUSED.includes(to) && !TTR_PAUSED.includes(from)) ttr = 'pause';
  else if (TTR_PAUSED.includes(from) && !TTR_PAUSED.includes(to)) ttr = 'resume';
  return { tto, ttr };
}
