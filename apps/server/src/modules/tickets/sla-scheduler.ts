/**
 * The scheduler behind SLA milestones and auto-close. Every tick it takes the tickets whose next milestone is due
 * (`next_milestone_at` ≤ now) and the resolved tickets past their auto-close instant, one transaction per ticket.
 * With several server processes on PostgreSQL each ticket row is locked with SKIP LOCKED, so two processes never
 * work the same ticket at once, and the `sla_milestones` primary key makes each milestone fire exactly once.
 */
import { type Ctx, systemCtx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/connection.js';
import { PeriodicJob } from '../../jobs/periodic-job.js';
import { fireDueMilestones } from './sla-milestones.js';
import { moveTo, openDraft, saveDraft } from './ticket-draft.js';
import {
  lockTicketIfFree,
  postponeStaleMilestone,
  ticketsToAutoClose,
  ticketsWithMilestoneDue,
} from './tickets.repository.js';

const BATCH = 200;
/** A ticket whose milestone instant passed without anything due (rounding) is looked at again this much later. */
const RETRY_MS = 60_000;

export interface TickResult {
  milestones: number;
  autoClosed: number;
}

export class SlaScheduler extends PeriodicJob<TickResult> {
  private readonly ctx: Ctx = { ...systemCtx, actor: { ...systemCtx.actor, name: 'Vigie' } };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    onError?: (error: unknown) => void,
  ) {
    super(onError);
  }

  protected async pass(): Promise<TickResult> {
    const result: TickResult = { milestones: 0, autoClosed: 0 };
    for (;;) {
      const now = this.clock.now();
      const ids = await ticketsWithMilestoneDue(this.db, now.toISOString(), BATCH);
      for (const id of ids) result.milestones += await this.fireMilestones(id, now);
      if (ids.length < BATCH) break;
    }
    for (;;) {
      const now = this.clock.now();
      const ids = await ticketsToAutoClose(this.db, now.toISOString(), BATCH);
      for (const id of ids) result.autoClosed += await this.autoClose(id, now);
      if (ids.length < BATCH) break;
    }
    return result;
  }

  private fireMilestones(ticketId: string, now: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const row = await lockTicketIfFree(trx, ticketId);
      // Gone, held by another process, or already handled since the list was read.
      if (!row || row.next_milestone_at === null || row.next_milestone_at > now.toISOString()) return 0;
      const draft = await openDraft(trx, row, now);
      const fired = await fireDueMilestones(trx, draft);
      await saveDraft(trx, this.ctx, draft);
      await postponeStaleMilestone(trx, ticketId, now.toISOString(), new Date(now.getTime() + RETRY_MS).toISOString());
      return fired.length;
    });
  }

  /** The requester did not answer within the delay: the resolved ticket closes by itself. */
  private autoClose(ticketId: string, now: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const row = await lockTicketIfFree(trx, ticketId);
      if (row?.status !== 'resolved' || !row.auto_close_at || row.auto_close_at > now.toISOString()) return 0;
      const draft = await openDraft(trx, row, now);
      moveTo(draft, 'closed', { closeCause: 'auto_close' });
      draft.row.closed_at = now.toISOString();
      draft.row.close_cause = 'auto_close';
      draft.events.push({ kind: 'confirmation', visibility: 'public', bySystem: true, data: { cause: 'auto_close' } });
      await saveDraft(trx, this.ctx, draft);
      return 1;
    });
  }
}
