/**
 * Working a ticket (DOMAIN §3): assign, take, wait, escalate, resolve, confirm or reject, rate, merge, reply.
 * Each step reads the ticket (locked on PostgreSQL), fires any SLA milestone already due, applies the lifecycle
 * and writes row, events and notifications in one transaction.
 */
import type { CommentInput, EscalateInput, ResolveInput, Ticket, TicketEvent } from '@vigie/contracts';
import {
  autoCloseAt,
  changeSlaLevel,
  DEFAULT_AUTO_CLOSE_BUSINESS_DAYS,
  defaultCalendar,
  escalationProblems,
  escalationTargets,
  handsOverToProvider,
  isHeldInHouse,
  localDateOf,
  type SeverityLevel,
  type SupportLevel,
  type TicketStatus,
  ticketReference,
} from '@vigie/domain';
import type { z } from 'zod';
import { type Actor, type Ctx, isStaff } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { AppError, forbidden, invalid, invalidFields } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import { nextCounterValue } from '../../db/counters.js';
import { fromJson } from '../../db/dialect.js';
import type { TicketEventRow, TicketRow } from '../../db/schema.js';
import { followUpText } from './follow-up-text.js';
import { heldInHouse, inHouseHolderProblems, providerTeamFor, startProviderClocks } from './in-house.js';
import { fireDueMilestones } from './sla-milestones.js';
import {
  assertCanAnswerForRequester,
  assertCanReadTicket,
  assertCanWorkTicket,
  canWorkTicket,
  seesInternal,
} from './ticket.policy.js';
import { applyClockEffect, moveTo, openDraft, refused, saveDraft, type TicketDraft } from './ticket-draft.js';
import { presentEvent } from './ticket-events.repository.js';
import {
  activeManagerIds,
  activeTeamMemberIds,
  clientBasics,
  staffUser,
  teamServesClient,
} from './ticket-lookups.repository.js';
import { qualify } from './ticket-qualification.js';
import { assetsOfTicket, findTicketForUpdate, insertTicket, setTicketAssets } from './tickets.repository.js';
import type { TicketService } from './tickets.service.js';

type Guard = (actor: Actor, row: TicketRow | undefined) => void;

/** Publishes a solution as a knowledge-base article in the resolution's transaction. */
export interface ArticlePublisher {
  publishFromTicket(
    trx: Db,
    ctx: Ctx,
    ticket: { id: string; client_id: string; title: string },
    input: { title: string; body: string; visibility: 'public' | 'internal' },
  ): Promise<{ id: string }>;
}

const workGuard: Guard = (actor, row) => assertCanWorkTicket(actor, row);
const requesterGuard: Guard = (actor, row) => assertCanAnswerForRequester(actor, row);

export class TicketWorkflow {
  private articles: ArticlePublisher | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly tickets: TicketService,
    private readonly autoCloseBusinessDays = DEFAULT_AUTO_CLOSE_BUSINESS_DAYS,
  ) {}

  /** The knowledge base registers itself here (it is built after the tickets). */
  useArticlePublisher(publisher: ArticlePublisher): void {
    this.articles = publisher;
  }

  /** One step on one ticket, all or nothing; answers the ticket as the caller now sees it. */
  private async change(
    ctx: Ctx,
    ticketId: string,
    guard: Guard,
    apply: (trx: Db, draft: TicketDraft) => Promise<void> | void,
  ): Promise<Ticket> {
    await this.db.transaction().execute(async (trx) => {
      const row = await findTicketForUpdate(trx, ticketId);
      guard(ctx.actor, row);
      const draft = await openDraft(trx, row as TicketRow, this.clock.now());
      await fireDueMilestones(trx, draft);
      await apply(trx, draft);
      await saveDraft(trx, ctx, draft);
    });
    return this.tickets.get(ctx, ticketId);
  }

  assign(ctx: Ctx, ticketId: string, input: { teamId?: string | null; assigneeId?: string | null }) {
    return this.change(ctx, ticketId, workGuard, async (trx, draft) => {
      if (input.teamId === undefined && input.assigneeId === undefined) {
        throw invalid('name a team or a technician', [{ path: ['teamId'], message: 'name a team or a technician' }]);
      }
      const row = draft.row;
      const teamId = input.teamId !== undefined ? input.teamId : row.team_id;
      const assigneeId =
        input.assigneeId !== undefined ? input.assigneeId : teamId !== row.team_id ? null : row.assignee_id;
      if (heldInHouse(row)) {
        const problems = await inHouseHolderProblems(trx, teamId, assigneeId, row.client_id);
        if (problems.length > 0) throw invalidFields(problems);
      } else await this.checkHolder(trx, teamId, assigneeId, row.client_id);
      this.handOver(draft, teamId, assigneeId);
    });
  }

  take(ctx: Ctx, ticketId: string) {
    return this.change(ctx, ticketId, workGuard, (_trx, draft) => {
      const me = ctx.actor.userId;
      if (!me) throw forbidden('Only a person can take a ticket');
      const status = draft.row.status as TicketStatus;
      if (status === 'resolved' || status === 'closed') throw refused(`a ${status} ticket cannot be taken`);
      if (heldInHouse(draft.row) && ctx.actor.role !== 'client_it') {
        throw refused('the client’s IT holds this ticket: it reaches the provider when they escalate it');
      }
      if (draft.row.assignee_id !== me) {
        draft.row.assignee_id = me;
        draft.events.push({ kind: 'assignment', data: { teamId: draft.row.team_id, assigneeId: me } });
      }
      if (status !== 'in_progress') moveTo(draft, 'in_progress', { assignee: { kind: 'person' } });
    });
  }

  setStatus(
    ctx: Ctx,
    ticketId: string,
    input: {
      status: 'in_progress' | 'pending';
      pendingReason?: 'requester' | 'vendor' | 'planned_date';
      note?: string | null;
    },
  ) {
    return this.change(ctx, ticketId, workGuard, (_trx, draft) => {
      if (input.status === 'in_progress' && !draft.row.assignee_id && ctx.actor.userId) {
        draft.row.assignee_id = ctx.actor.userId;
        draft.events.push({ kind: 'assignment', data: { teamId: draft.row.team_id, assigneeId: ctx.actor.userId } });
      }
      moveTo(draft, input.status, {
        pendingReason: input.pendingReason ?? null,
        assignee: draft.row.assignee_id ? { kind: 'person' } : null,
      });
      if (input.note) draft.events.push({ kind: 'note', body: input.note, visibility: 'internal' });
    });
  }

  escalate(ctx: Ctx, ticketId: string, input: z.output<typeof EscalateInput>) {
    return this.change(ctx, ticketId, workGuard, async (trx, draft) => {
      const row = draft.row;
      const status = row.status as TicketStatus;
      if (status === 'resolved' || status === 'closed') throw refused(`a ${status} ticket cannot be escalated`);
      if (input.kind === 'hierarchical') return this.bringManagerIn(trx, draft, input.reason, input.managerId ?? null);
      const from = row.support_level as SupportLevel;
      const providerEntry = row.entry_level as SupportLevel;
      const problems = escalationProblems({
        fromLevel: from,
        toLevel: input.toLevel,
        diagnosis: input.diagnosis,
        // a ticket the client's IT holds may also go up through the levels the client keeps
        levelsDelivered: escalationTargets(fromJson<SupportLevel[]>(row.levels_delivered)),
      });
      if (problems.length > 0) {
        throw invalid(
          problems.join('; '),
          problems.map((message) => ({ path: [message.includes('diagnosis') ? 'diagnosis' : 'toLevel'], message })),
        );
      }
      let teamId = input.teamId !== undefined ? input.teamId : row.team_id;
      let assigneeId = input.assigneeId ?? null;
      const handOver = handsOverToProvider(from, input.toLevel, providerEntry);
      if (handOver) {
        // The client's IT hands over; which of the provider's teams and people take it is the provider's choice.
        if (!isStaff(ctx.actor) && (input.teamId || input.assigneeId)) {
          throw forbidden('Only the provider assigns tickets');
        }
        teamId ??= await providerTeamFor(trx, row.client_id, input.toLevel);
      } else if (isHeldInHouse(input.toLevel, providerEntry)) {
        // Up a level inside the client's IT: no provider team; the person holding it keeps it unless another is named.
        const problems = await inHouseHolderProblems(trx, input.teamId, input.assigneeId, row.client_id);
        if (problems.length > 0) throw invalidFields(problems);
        teamId = null;
        assigneeId = input.assigneeId ?? row.assignee_id;
      }
      if (!teamId && !assigneeId && !isHeldInHouse(input.toLevel, providerEntry)) {
        throw invalid(`choose the team that takes the ticket at N${input.toLevel}`, [
          { path: ['teamId'], message: `choose the team that takes the ticket at N${input.toLevel}` },
        ]);
      }
      if (!isHeldInHouse(input.toLevel, providerEntry)) await this.checkHolder(trx, teamId, assigneeId, row.client_id);
      row.support_level = input.toLevel;
      if (handOver) startProviderClocks(draft, input.toLevel);
      else if (draft.sla && draft.terms) draft.sla = changeSlaLevel(draft.sla, draft.terms, input.toLevel, draft.now);
      draft.events.push({
        kind: 'escalation',
        // the client's IT wrote this diagnosis: handed to the provider, it stays readable on the client's side
        ...(handOver ? { visibility: 'public' as const } : {}),
        body: input.diagnosis.trim(),
        data: { kind: 'functional', from, to: input.toLevel, ...(handOver ? { toProvider: true } : {}) },
      });
      this.handOver(draft, teamId, assigneeId);
      const notified = assigneeId ? [assigneeId] : teamId ? await activeTeamMemberIds(trx, teamId) : [];
      draft.notifications.push({ userIds: notified, kind: 'escalation', text: row.title });
    });
  }

  private async bringManagerIn(trx: Db, draft: TicketDraft, reason: string, managerId: string | null) {
    if (reason.trim() === '') {
      throw invalid('bringing a manager in needs a reason', [{ path: ['reason'], message: 'a reason is required' }]);
    }
    let managerName: string | null = null;
    if (managerId) {
      const manager = await staffUser(trx, managerId);
      if (manager?.active !== 1 || (manager.role !== 'manager' && manager.role !== 'admin')) {
        throw invalid('managerId: not an active manager', [{ path: ['managerId'], message: 'not an active manager' }]);
      }
      managerName = manager.name;
    }
    draft.row.manager_escalation = { managerId, managerName, reason: reason.trim(), at: draft.now.toISOString() };
    draft.events.push({ kind: 'escalation', body: reason.trim(), data: { kind: 'hierarchical', managerId } });
    draft.notifications.push({
      userIds: managerId ? [managerId] : await activeManagerIds(trx),
      kind: 'manager_escalation',
      text: draft.row.title,
    });
  }

  resolve(ctx: Ctx, ticketId: string, input: z.output<typeof ResolveInput>) {
    return this.change(ctx, ticketId, workGuard, async (trx, draft) => {
      const row = draft.row;
      moveTo(draft, 'resolved', { solution: { kind: input.kind, text: input.text } });
      // Resolved from a wait after the ticket changed hands: the one who resolves it owns it, so that a rejected
      // solution has someone to reopen to.
      if (!row.assignee_id && ctx.actor.userId) {
        row.assignee_id = ctx.actor.userId;
        draft.events.push({ kind: 'assignment', data: { teamId: row.team_id, assigneeId: row.assignee_id } });
      }
      const at = draft.now.toISOString();
      row.solution = { kind: input.kind, text: input.text, cause: input.cause ?? null, at };
      row.resolved_at = at;
      row.auto_close_at = autoCloseAt(
        draft.now,
        this.autoCloseBusinessDays,
        draft.terms?.calendar ?? defaultCalendar(),
      ).toISOString();
      draft.events.push({
        kind: 'solution',
        visibility: 'public',
        body: input.text,
        data: { kind: input.kind, cause: input.cause ?? null },
      });
      if (input.kind === 'workaround') await this.openFollowUp(trx, ctx, draft, input.text);
      if (input.publishArticle !== 'no') {
        if (!this.articles) throw new AppError(503, 'unavailable', 'the knowledge base is not available');
        const article = await this.articles.publishFromTicket(trx, ctx, row, {
          title: row.title,
          body: [input.cause ? `Cause: ${input.cause}` : '', input.text].filter(Boolean).join('\n\n'),
          visibility: input.publishArticle,
        });
        draft.events.push({ kind: 'link', data: { articleId: article.id } });
      }
    });
  }

  /** A workaround restores service; the real fix stays to do, as a task linked to the ticket. */
  private async openFollowUp(trx: Db, ctx: Ctx, draft: TicketDraft, workaround: string): Promise<void> {
    const parent = draft.row;
    const assetIds = (await assetsOfTicket(trx, parent.id)).map((a) => a.id);
    const client = await clientBasics(trx, parent.client_id);
    const result = await qualify(trx, {
      clientId: parent.client_id,
      impact: parent.impact as SeverityLevel,
      urgency: 4,
      categoryId: parent.category_id,
      assetIds,
      today: localDateOf(draft.now, client?.time_zone ?? 'Europe/Paris'),
    });
    if ('problems' in result) throw invalid('the follow-up task cannot be opened', result.problems);
    const text = followUpText(client?.locale ?? 'fr', ticketReference(Number(parent.number)), parent.title, workaround);
    const row = await this.tickets.newTicketRow(ctx, draft.now, {
      clientId: parent.client_id,
      title: text.title,
      description: text.description,
      type: 'task',
      source: parent.source,
      impact: parent.impact,
      urgency: 4,
      categoryId: parent.category_id,
      requesterContactId: parent.requester_contact_id,
      requesterUserId: parent.requester_user_id,
      requesterName: parent.requester_name,
      qualification: { ...result.qualification, entryLevel: parent.support_level as SupportLevel },
      parentTicketId: parent.id,
    });
    row.number = await nextCounterValue(trx, 'ticket');
    row.support_level = parent.support_level;
    await insertTicket(trx, row);
    await setTicketAssets(trx, row.id, assetIds);
    const followUp = await openDraft(trx, row, draft.now);
    followUp.events.push({
      kind: 'created',
      visibility: 'public',
      body: row.description,
      data: { parentId: parent.id },
    });
    this.tickets.routeAtIntake(followUp, parent.team_id, null, false);
    followUp.reindex = true;
    await saveDraft(trx, ctx, followUp);
    parent.follow_up_ticket_id = row.id;
    draft.events.push({ kind: 'link', data: { followUpId: row.id, reference: ticketReference(row.number) } });
  }

  confirm(ctx: Ctx, ticketId: string) {
    return this.change(ctx, ticketId, requesterGuard, (_trx, draft) => {
      moveTo(draft, 'closed', { closeCause: 'requester_confirmation' });
      draft.row.closed_at = draft.now.toISOString();
      draft.row.close_cause = 'requester_confirmation';
      draft.row.auto_close_at = null;
      draft.events.push({ kind: 'confirmation', visibility: 'public', data: { onBehalf: isStaff(ctx.actor) } });
    });
  }

  reject(ctx: Ctx, ticketId: string, reason: string) {
    return this.change(ctx, ticketId, requesterGuard, (_trx, draft) => {
      const row = draft.row;
      if (row.status !== 'resolved') throw refused('only a resolved ticket can have its solution rejected');
      if (!row.assignee_id) throw refused('the ticket has nobody to reopen it to');
      moveTo(draft, 'in_progress', { solutionRejected: true, assignee: { kind: 'person' } });
      draft.events.push({
        kind: 'rejection',
        visibility: 'public',
        body: reason,
        data: { onBehalf: isStaff(ctx.actor) },
      });
      row.resolved_at = null;
      row.auto_close_at = null;
      draft.notifications.push({ userIds: [row.assignee_id], kind: 'solution_rejected', text: row.title });
    });
  }

  rate(ctx: Ctx, ticketId: string, input: { rating: number; comment?: string | null }) {
    return this.change(ctx, ticketId, requesterGuard, (_trx, draft) => {
      if (isStaff(ctx.actor)) throw forbidden('Satisfaction is the client’s to give');
      if (draft.row.status !== 'resolved' && draft.row.status !== 'closed') {
        throw refused('a ticket is rated once it is resolved');
      }
      draft.row.satisfaction_rating = input.rating;
      draft.row.satisfaction_comment = input.comment ?? null;
      draft.events.push({
        kind: 'rating',
        visibility: 'public',
        body: input.comment ?? null,
        data: { rating: input.rating },
      });
    });
  }

  /**
   * A reply (public) or an internal note. Client people write public replies only; their reply to a ticket
   * waiting on them takes it back to the technician. A reply to a resolved ticket never rejects the solution: it
   * is recorded as a question, and the requester is asked explicitly (confirm or reject).
   */
  async comment(ctx: Ctx, ticketId: string, input: z.output<typeof CommentInput>): Promise<TicketEvent> {
    const saved = await this.db.transaction().execute((trx) => this.commentIn(trx, ctx, ticketId, input));
    return presentEvent(saved);
  }

  /**
   * The same reply or note written in the caller's transaction: mail intake records a mail's reply together with the
   * mail's own status. `data` adds to the event's data (the mail it came from, whether the ticket was resolved).
   */
  async commentIn(
    trx: Db,
    ctx: Ctx,
    ticketId: string,
    input: z.output<typeof CommentInput>,
    data: Record<string, unknown> = {},
  ): Promise<TicketEventRow> {
    const actor = ctx.actor;
    if (input.visibility === 'internal' && !seesInternal(actor)) {
      throw forbidden('Internal notes are for the provider');
    }
    const row = await findTicketForUpdate(trx, ticketId);
    assertCanReadTicket(actor, row);
    const draft = await openDraft(trx, row as TicketRow, this.clock.now());
    if (draft.row.status === 'closed') throw refused('a closed ticket takes no more replies: open a new ticket');
    await fireDueMilestones(trx, draft);
    const fromClient = !isStaff(actor);
    const onResolved = draft.row.status === 'resolved';
    draft.events.push({
      kind: input.visibility === 'internal' ? 'note' : 'reply',
      visibility: input.visibility,
      body: input.body,
      data: { ...(fromClient && onResolved ? { askConfirmation: true } : {}), ...data },
    });
    const index = draft.events.length - 1;
    if (fromClient && draft.row.status === 'pending' && draft.row.pending_reason === 'requester') {
      // Back to the technician, or to the team's queue when the ticket changed hands while it waited.
      if (draft.row.assignee_id) moveTo(draft, 'in_progress', { assignee: { kind: 'person' } });
      else moveTo(draft, 'assigned', { assignee: draft.row.team_id ? { kind: 'team' } : null });
    }
    if (fromClient && draft.row.assignee_id) {
      draft.notifications.push({ userIds: [draft.row.assignee_id], kind: 'client_reply', text: draft.row.title });
    }
    const saved = (await saveDraft(trx, ctx, draft))[index];
    if (!saved) throw new AppError(500, 'internal', 'the reply was not recorded');
    return saved;
  }

  /** Merges a duplicate into the ticket that carries on; the duplicate is closed and points to it. */
  async merge(ctx: Ctx, ticketId: string, intoTicketId: string): Promise<Ticket> {
    if (ticketId === intoTicketId) {
      throw invalid('a ticket cannot be merged into itself', [{ path: ['intoTicketId'], message: 'same ticket' }]);
    }
    await this.db.transaction().execute(async (trx) => {
      // Both rows are locked in id order, so that crossed merges (A into B, B into A) queue up on PostgreSQL
      // instead of deadlocking.
      const [first, second] = [ticketId, intoTicketId].sort();
      const locked = new Map([
        [first, await findTicketForUpdate(trx, first as string)],
        [second, await findTicketForUpdate(trx, second as string)],
      ]);
      const source = locked.get(ticketId);
      assertCanWorkTicket(ctx.actor, source);
      const target = locked.get(intoTicketId);
      if (!target || !canWorkTicket(ctx.actor, target)) {
        throw invalid('intoTicketId: no such ticket', [{ path: ['intoTicketId'], message: 'no such ticket' }]);
      }
      const s = source as TicketRow;
      if (target.client_id !== s.client_id) {
        throw invalid('tickets of different clients cannot be merged', [
          { path: ['intoTicketId'], message: 'another client’s ticket' },
        ]);
      }
      if (s.status === 'closed' || target.status === 'closed') throw refused('a closed ticket cannot be merged');
      const now = this.clock.now();
      const from = await openDraft(trx, s, now);
      const into = await openDraft(trx, target, now);
      await fireDueMilestones(trx, from);
      await fireDueMilestones(trx, into);
      // The duplicate leaves the queues: closed, clocks stopped, pointing at the ticket that carries on.
      applyClockEffect(from, { tto: 'stop', ttr: 'stop' });
      from.row.status = 'closed';
      from.row.is_open = 0;
      from.row.closed_at = now.toISOString();
      from.row.merged_into_id = target.id;
      from.events.push({
        kind: 'merge',
        visibility: 'public',
        data: { intoId: target.id, into: ticketReference(Number(target.number)) },
      });
      into.events.push({
        kind: 'merge',
        visibility: 'internal',
        body: s.description || null,
        data: { fromId: s.id, from: ticketReference(Number(s.number)), title: s.title },
      });
      const assets = new Set([
        ...(await assetsOfTicket(trx, target.id)).map((a) => a.id),
        ...(await assetsOfTicket(trx, s.id)).map((a) => a.id),
      ]);
      await setTicketAssets(trx, target.id, [...assets]);
      await saveDraft(trx, ctx, from);
      await saveDraft(trx, ctx, into);
    });
    return this.tickets.get(ctx, intoTicketId);
  }

  /** Gives the ticket to a team and/or a person, moving its status as the lifecycle says. */
  private handOver(draft: TicketDraft, teamId: string | null, assigneeId: string | null): void {
    const row = draft.row;
    const status = row.status as TicketStatus;
    if (status === 'resolved' || status === 'closed') throw refused(`a ${status} ticket cannot be reassigned`);
    // Past intake a ticket is always held: by a team's queue or by a person, never by nobody.
    if (!teamId && !assigneeId && status !== 'new') {
      throw invalid('name a team or a technician', [{ path: ['teamId'], message: 'name a team or a technician' }]);
    }
    const changed = teamId !== row.team_id || assigneeId !== row.assignee_id;
    row.team_id = teamId;
    row.assignee_id = assigneeId;
    if (changed) draft.events.push({ kind: 'assignment', data: { teamId, assigneeId } });
    const holder = assigneeId ? { kind: 'person' as const } : teamId ? { kind: 'team' as const } : null;
    if (status === 'new' && holder) moveTo(draft, 'assigned', { assignee: holder });
    else if (status === 'in_progress' && !assigneeId) moveTo(draft, 'assigned', { assignee: holder });
    else if (assigneeId) {
      // Owned by a named technician: the take-charge clock stops even without a status move.
      applyClockEffect(draft, { tto: 'stop', ttr: 'none' });
    }
  }

  private async checkHolder(
    trx: Db,
    teamId: string | null,
    assigneeId: string | null,
    clientId: string,
  ): Promise<void> {
    const problems = [];
    // A team of other clients would neither see nor work the ticket, and must not hear of it.
    if (teamId && !(await teamServesClient(trx, teamId, clientId))) {
      problems.push({ path: ['teamId'], message: 'no such team serving this client' });
    }
    if (assigneeId) problems.push(...(await this.tickets.assigneeProblems(trx, assigneeId, clientId, ['assigneeId'])));
    if (problems.length > 0) throw invalidFields(problems);
  }
}
