/**
 * A ticket being changed inside one transaction: its row, its SLA clocks and the contract terms they count on,
 * the timeline events and notifications the change produces. Every workflow step edits a draft; `saveDraft`
 * writes it all at once (or nothing: the ticket changed meanwhile → 409).
 */
import {
  applySlaEffect,
  type Priority,
  type SlaTerms,
  slaEffect,
  type TicketSla,
  type TicketStatus,
  type TransitionContext,
  transitionProblem,
} from '@vigie/domain';
import type { Ctx } from '../../core/actor.js';
import { AppError, conflict } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { TicketEventRow, TicketRow } from '../../db/schema.js';
import { insertNotifications } from './notifications.repository.js';
import { loadSla, slaColumns, termsOf } from './sla-storage.js';
import { insertEvents } from './ticket-events.repository.js';
import { findContractRow } from './ticket-lookups.repository.js';
import { reindexTicket } from './ticket-search.js';
import { updateTicket } from './tickets.repository.js';

export interface EventSpec {
  kind: string;
  body?: string | null;
  visibility?: 'public' | 'internal';
  data?: Record<string, unknown>;
  /** Recorded as the system (SLA jobs), not the caller. */
  bySystem?: boolean;
}

export interface NotificationSpec {
  userIds: readonly string[];
  kind: string;
  text: string;
  /** Sent by the system (SLA milestones): the caller is told too, since the change is not theirs. */
  bySystem?: boolean;
}

export interface TicketDraft {
  readonly before: TicketRow;
  row: TicketRow;
  terms: SlaTerms | null;
  sla: TicketSla | null;
  readonly now: Date;
  events: EventSpec[];
  notifications: NotificationSpec[];
  /** The searchable text changed: the full-text document is rebuilt after the write. */
  reindex: boolean;
}

export async function termsOfContract(db: Db, contractId: string | null): Promise<SlaTerms | null> {
  if (!contractId) return null;
  const contract = await findContractRow(db, contractId);
  return contract ? termsOf(contract) : null;
}

export async function openDraft(db: Db, row: TicketRow, now: Date): Promise<TicketDraft> {
  return {
    before: row,
    row: { ...row },
    terms: await termsOfContract(db, row.contract_id),
    sla: loadSla(row.sla),
    now,
    events: [],
    notifications: [],
    reindex: false,
  };
}

/** 409 with the lifecycle's own sentence: the move is not allowed from where the ticket is. */
export function refused(message: string): AppError {
  return new AppError(409, 'transition_refused', message);
}

/**
 * Moves the ticket to another status when the lifecycle allows it, applying the move's SLA effect (TTO stops when a
 * named technician owns it, TTR pauses/resumes/stops) and recording a status event.
 */
export function moveTo(draft: TicketDraft, to: TicketStatus, context: TransitionContext): void {
  const from = draft.row.status as TicketStatus;
  const problem = transitionProblem(from, to, context);
  if (problem) throw refused(problem);
  const assigneeKind = context.assignee?.kind;
  applyClockEffect(draft, slaEffect(from, to, assigneeKind));
  draft.row.status = to;
  draft.row.is_open = to === 'closed' ? 0 : 1;
  draft.row.pending_reason = to === 'pending' ? (context.pendingReason ?? null) : null;
  draft.events.push({ kind: 'status', data: { from, to, pendingReason: draft.row.pending_reason } });
}

export function applyClockEffect(draft: TicketDraft, effect: ReturnType<typeof slaEffect>): void {
  if (effect.tto === 'stop' && draft.row.taken_at === null) draft.row.taken_at = draft.now.toISOString();
  if (draft.sla && draft.terms) {
    draft.sla = applySlaEffect(draft.sla, draft.terms, draft.row.priority as Priority, effect, draft.now);
  }
}

function eventRow(ctx: Ctx, ticket: Pick<TicketRow, 'id' | 'client_id'>, at: string, e: EventSpec): TicketEventRow {
  return {
    id: newId(),
    ticket_id: ticket.id,
    client_id: ticket.client_id,
    at,
    actor_id: e.bySystem ? null : ctx.actor.userId,
    actor_name: e.bySystem ? 'Vigie' : ctx.actor.name,
    kind: e.kind,
    visibility: e.visibility ?? 'internal',
    body: e.body ?? null,
    data: e.data ?? {},
    mail_pending: mayCallForMail(e) ? 1 : 0,
  };
}

/** Events the outbound composer looks at: what a requester is told, and the SLA milestones staff are warned of. */
function mayCallForMail(e: EventSpec): boolean {
  return e.visibility === 'public' || e.kind === 'sla' || e.kind === 'status';
}

export async function recordEvents(
  db: Db,
  ctx: Ctx,
  ticket: Pick<TicketRow, 'id' | 'client_id'>,
  at: string,
  events: readonly EventSpec[],
): Promise<TicketEventRow[]> {
  const rows = events.map((e) => eventRow(ctx, ticket, at, e));
  await insertEvents(db, rows);
  return rows;
}

/** Writes the draft: row (with its SLA columns), events and notifications, in the caller's transaction. */
export async function saveDraft(db: Db, ctx: Ctx, draft: TicketDraft): Promise<TicketEventRow[]> {
  const at = draft.now.toISOString();
  const row: TicketRow = {
    ...draft.row,
    ...slaColumns(draft.sla, draft.terms, draft.row.priority as Priority),
    updated_at: at,
  };
  if (!(await updateTicket(db, row))) {
    throw conflict('The ticket was changed by someone else meanwhile: reload it and try again');
  }
  const events = await recordEvents(db, ctx, row, at, draft.events);
  if (draft.reindex || events.some((e) => e.body !== null)) await reindexTicket(db, row);
  for (const n of draft.notifications) {
    const recipients = [...new Set(n.userIds)].filter((id) => n.bySystem || id !== ctx.actor.userId);
    await insertNotifications(db, recipients, { ticketId: row.id, kind: n.kind, text: n.text, at });
  }
  return events;
}
