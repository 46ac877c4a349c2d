/**
 * Who logs time and runs on-site visits (DOMAIN §3). The ticket's own rules come first (tickets.readable and
 * tickets.workable); these add what is particular to the provider's work:
 * - only provider staff log time, plan, cancel and report visits (the client's in-house IT works some tickets,
 *   but its hours are not the provider's);
 * - a time entry is removed by its author, or by a manager or admin;
 * - client people read the entries and visits of the tickets they read, without the technicians' notes.
 */
import { type Actor, isProviderManager, isStaff } from '../../core/actor.js';
import { forbidden } from '../../core/errors.js';
import type { TimeEntryRow } from '../../db/schema.js';

export function assertCanLogTime(actor: Actor): void {
  if (!isStaff(actor) || actor.userId === null) throw forbidden('Only provider staff log time on tickets');
}

export function assertCanRemoveTimeEntry(actor: Actor, entry: Pick<TimeEntryRow, 'user_id'>): void {
  if (!isStaff(actor)) throw forbidden('Only provider staff remove time entries');
  if (entry.user_id !== actor.userId && !isProviderManager(actor)) {
    throw forbidden('Only the author of a time entry, or a manager, can remove it');
  }
}

export function assertCanRunVisits(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('Only provider staff plan and close on-site visits');
}

/** The report is signed on the technician's screen: the client signs there, it does not submit it. */
export function assertCanReportVisit(actor: Actor): void {
  if (!isStaff(actor))
    throw forbidden('The visit report is signed on the technician’s screen and sent by provider staff');
}

/** Technicians' notes on their time stay with the provider. */
export function seesWorkNotes(actor: Actor): boolean {
  return isStaff(actor);
}
