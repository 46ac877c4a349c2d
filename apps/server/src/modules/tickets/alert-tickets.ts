import { type SeverityLevel, slaEffect } from '@vigie/domain';
import type { Actor, Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { notFound } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import type { TicketRow } from '../../db/schema.js';
import { fireDueMilestones } from './sla-milestones.js';
import { applyClockEffect, moveTo, openDraft, saveDraft } from './ticket-draft.js';
import { findTicketForUpdate } from './tickets.repository.js';
import type { TicketService } from './tickets.service.js';

/** Supervision acts on tickets as itself: a system actor people recognise in the timeline. */
const supervisionActor: Actor = {
  userId: null,
  name: 'Supervision',
  role: 'system',
  clientId: null,
  teamClientIds: [],
  scopes: null,
};
export const supervisionCtx: Ctx = { actor: supervisionActor, requestId: null };

/**
 * The helpdesk side of monitoring alerts (DOMAIN §6): an incident opened by an alert (source `monitoring`, priority
 * from the asset's criticality × the severity, SLA from the contract), notes on changes, the reopen of the same ticket
 * when the problem comes back, and the automatic resolution of a ticket nobody worked on. Every call writes in the
 * caller's transaction, so an alert and its ticket exist together or not at all.
 */
export class AlertTickets {
  constructor(
    private readonly clock: Clock,
    private readonly tickets: TicketService,
  ) {}

  open(
    trx: Db,
    v: {
      clientId: string;
      assetId: string;
      title: string;
      description: string;
      impact: SeverityLevel;
      urgency: SeverityLevel;
      alertId: string;
    },
  ): Promise<{ id: string; number: number }> {
    return this.tickets.openFromChannel(trx, supervisionCtx, {
      clientId: v.clientId,
      title: v.title,
      description: v.description,
      source: 'monitoring',
      impact: v.impact,
      urgency: v.urgency,
      assetIds: [v.assetId],
      requesterContactId: null,
      requesterUserId: null,
      requesterName: null,
      created: { visibility: 'internal', data: { alertId: v.alertId } },
    });
  }

  /** An internal note from supervision (a severity change, a recovery the technician decides about). */
  async note(trx: Db, ticketId: string, body: string, data: Record<string, unknown> = {}): Promise<void> {
    await this.change(trx, ticketId, (draft) => {
      draft.events.push({ kind: 'note', visibility: 'internal', body, data });
    });
  }

  /**
   * The problem is back within the reopen window: the same ticket takes it again. A resolved ticket goes back to
   * work (to its technician, else its team's queue); a closed one cannot (closing is final) — answers false, and the
   * caller opens a new ticket.
   */
  async reopen(trx: Db, ticketId: string, body: string, data: Record<string, unknown>): Promise<boolean> {
    const row = await findTicketForUpdate(trx, ticketId);
    if (!row || row.status === 'closed' || row.merged_into_id) return false;
    await this.change(trx, ticketId, (draft) => {
      if (draft.row.status === 'resolved') {
        if (draft.row.assignee_id)
          moveTo(draft, 'in_progress', { assignee: { kind: 'person' }, solutionRejected: true });
        else {
          applyClockEffect(draft, slaEffect('resolved', 'assigned', 'team'));
          draft.row.status = 'assigned';
          draft.events.push({ kind: 'status', data: { from: 'resolved', to: 'assigned' } });
        }
        draft.row.resolved_at = null;
        draft.row.auto_close_at = null;
      }
      draft.events.push({ kind: 'note', visibility: 'internal', body, data: { ...data, reopened: true } });
    });
    return true;
  }

  /** Recovery: a note, and the ticket resolved when no person has worked on it (else the technician decides). */
  async recover(
    trx: Db,
    ticketId: string,
    body: string,
    data: Record<string, unknown>,
  ): Promise<'resolved' | 'noted' | 'gone'> {
    const row = await findTicketForUpdate(trx, ticketId);
    if (!row || row.status === 'closed') return 'gone';
    const untouched = !(await this.workedByPerson(trx, ticketId));
    const canResolve = untouched && ['new', 'assigned', 'in_progress', 'pending'].includes(row.status);
    await this.change(trx, ticketId, (draft) => {
      draft.events.push({ kind: 'note', visibility: 'internal', body, data });
      if (!canResolve) return;
      moveTo(draft, 'resolved', { solution: { kind: 'solution', text: body }, recovered: true });
      const at = draft.now.toISOString();
      draft.row.solution = { kind: 'solution', text: body, cause: null, at };
      draft.row.resolved_at = at;
      draft.events.push({ kind: 'solution', visibility: 'public', body, data: { kind: 'solution', recovered: true } });
    });
    return canResolve ? 'resolved' : 'noted';
  }

  /** Whether a person (not supervision, not the system) has written anything on the ticket. */
  async workedByPerson(trx: Db, ticketId: string): Promise<boolean> {
    const found = await trx
      .selectFrom('ticket_events')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .where('actor_id', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return found !== undefined;
  }

  private async change(trx: Db, ticketId: string, apply: (draft: Awaited<ReturnType<typeof openDraft>>) => void) {
    const row = await findTicketForUpdate(trx, ticketId);
    if (!row) throw notFound('Ticket');
    const draft = await openDraft(trx, row as TicketRow, this.clock.now());
    await fireDueMilestones(trx, draft);
    apply(draft);
    await saveDraft(trx, supervisionCtx, draft);
  }
}
