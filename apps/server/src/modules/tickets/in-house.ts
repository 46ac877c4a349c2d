/**
 * Tickets held by the client's own IT (DOMAIN §1 `client_it`, §2 kept levels), server side: who may open one, where it
 * sits, who may hold it, and the hand-over to the provider. The pure rules are in `@vigie/domain` (`in-house.ts`).
 *
 * - Opened by the client's IT (or staff) with `handledInHouse`, at the lowest level the client keeps below the
 *   provider's entry level; refused (422) when the client keeps none there.
 * - While held in-house it has no provider team and no SLA clock: the provider's commitments do not run on work the
 *   client does itself. Only the client's IT holds it.
 * - Escalated to a delivered level, it lands in a provider team's queue and the provider's clocks start then
 *   (take-charge included: `taken_at` is cleared so that the provider's own take stops it).
 */
import {
  applySlaEffect,
  inHouseEntryLevel,
  isHeldInHouse,
  openTicketSla,
  type Priority,
  type SupportLevel,
} from '@vigie/domain';
import { type Actor, isStaff } from '../../core/actor.js';
import { type FieldProblem, forbidden } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import type { TicketRow } from '../../db/schema.js';
import { slaColumns } from './sla-storage.js';
import type { TicketDraft } from './ticket-draft.js';
import { staffUser, teamsServing } from './ticket-lookups.repository.js';
import type { Qualification } from './ticket-qualification.js';

/** Whether the client's IT holds this ticket (its level is below the provider's entry level). */
export function heldInHouse(row: Pick<TicketRow, 'support_level' | 'entry_level'>): boolean {
  return isHeldInHouse(row.support_level as SupportLevel, row.entry_level as SupportLevel);
}

/** Opening a ticket handled in-house: the client's IT, or provider staff on its behalf. */
export function assertCanOpenInHouse(actor: Actor): void {
  if (!isStaff(actor) && actor.role !== 'client_it') {
    throw forbidden('Only your company’s IT or the provider can open a ticket handled in-house');
  }
}

/** The level an in-house ticket starts at, or the problem that refuses it. */
export function inHouseIntake(
  q: Qualification,
  input: { teamId?: string | null | undefined },
): { level: SupportLevel } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const level = inHouseEntryLevel(q.levelsDelivered);
  if (level === null) {
    const delivered = q.levelsDelivered.map((l) => `N${l}`).join(', ');
    problems.push({
      path: ['handledInHouse'],
      message: `this client keeps no support level below the provider's (the contract delivers ${delivered})`,
    });
  }
  if (input.teamId) {
    problems.push({ path: ['teamId'], message: 'a ticket handled in-house has no provider team' });
  }
  return level === null || problems.length > 0 ? { problems } : { level };
}

/** Puts a new ticket's row in the client's hands: its kept level, and no provider clock. */
export function holdInHouse(row: TicketRow, level: SupportLevel): void {
  row.support_level = level;
  Object.assign(row, slaColumns(null, null, row.priority as Priority));
}

/** Who may hold a ticket in-house: an active in-house IT person of that client (the provider holds none of it). */
export async function inHouseHolderProblems(
  db: Db,
  teamId: string | null | undefined,
  assigneeId: string | null | undefined,
  clientId: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (teamId) {
    problems.push({
      path: ['teamId'],
      message: 'a ticket held in-house has no provider team: escalate it to hand it to the provider',
    });
  }
  if (assigneeId) {
    const user = await staffUser(db, assigneeId);
    if (user?.active !== 1 || user.role !== 'client_it' || user.client_id !== clientId) {
      problems.push({ path: ['assigneeId'], message: 'not an in-house IT person of this client' });
    }
  }
  return problems;
}

/** The provider team an in-house ticket lands with: one serving the client whose technicians work at that level. */
export async function providerTeamFor(db: Db, clientId: string, level: SupportLevel): Promise<string | null> {
  const teams = await teamsServing(db, clientId, null);
  return (teams.find((t) => t.minLevel === level) ?? teams.find((t) => t.minLevel !== null) ?? teams[0])?.id ?? null;
}

/**
 * The provider takes over at `level`: its clocks start now (the resolution clock paused if the ticket waits), and
 * take-charge is for the provider's own technician to stop.
 */
export function startProviderClocks(draft: TicketDraft, level: SupportLevel): void {
  const row = draft.row;
  row.taken_at = null;
  if (!draft.terms) {
    draft.sla = null;
    return;
  }
  const priority = row.priority as Priority;
  let sla = openTicketSla(draft.terms, priority, level, draft.now);
  if (row.status === 'pending')
    sla = applySlaEffect(sla, draft.terms, priority, { tto: 'none', ttr: 'pause' }, draft.now);
  draft.sla = sla;
}
