/**
 * The ticket rows of ticket-queue, with SLA clocks computed by the domain's own functions and stored by the
 * server's own `slaColumns` (so `sla`, `due_at` and `next_milestone_at` are what the server would have written):
 *
 * - Closed tickets (96 %) come from 256 lifecycle templates (4 priorities × 64 variants) run once in a base week
 *   of January 2024; a ticket is a template moved by whole weeks, every instant of its `sla` JSON with it. Whole
 *   weeks keep the business-time arithmetic right, except across public holidays and daylight-saving changes
 *   (an hour off for half the year) — harmless for closed tickets, which no queue shows.
 * - Open tickets (40,000) are computed one by one relative to the run's start, milestones already due fired (as
 *   the scheduler would have): their deadlines, the queues' sort key, spread continuously from breached weeks ago
 *   to days ahead.
 */
import {
  autoCloseAt,
  DEFAULT_AUTO_CLOSE_BUSINESS_DAYS,
  defaultPriorityMatrix,
  PRIORITIES,
  type Priority,
  type SeverityLevel,
} from '@vigie/domain';
import { toJson } from '../../apps/server/src/db/dialect.js';
import { NO_DEADLINE, type TicketRow } from '../../apps/server/src/db/schema.js';
import { slaColumns } from '../../apps/server/src/modules/tickets/sla-storage.js';
import { type ClosedTemplate, closedTemplate, type OpenLife, openLife, renderSla } from './lifecycles.js';
import {
  type BasePlan,
  CLOSED_TICKETS,
  clientOf,
  DAY,
  HOUR,
  iso,
  OPEN_MIX,
  type OpenStatus,
  personName,
  random,
  solutionText,
  TERMS,
  teamOfClient,
  ticketText,
  uuid7,
  WEEK,
  weighted,
} from './plan.js';

const priorityOf = weighted<Priority>({ P1: 3, P2: 12, P3: 55, P4: 30 });
const levelOf = weighted({ '1': 75, '2': 20, '3': 5 });
const sourceOf = weighted({ phone: 35, email: 30, portal: 20, monitoring: 10, api: 3, maintenance: 2 });
const typeOf = weighted({ incident: 65, request: 30, task: 5 });
const VARIANTS = 64;
const HISTORY_MS = 4 * 365 * DAY;

/** The (impact, urgency) pairs the default matrix turns into each priority. */
const CELLS: Record<Priority, [SeverityLevel, SeverityLevel][]> = (() => {
  const cells: Record<Priority, [SeverityLevel, SeverityLevel][]> = { P1: [], P2: [], P3: [], P4: [] };
  for (const [i, row] of defaultPriorityMatrix().entries()) {
    for (const [j, priority] of row.entries())
      cells[priority].push([(i + 1) as SeverityLevel, (j + 1) as SeverityLevel]);
  }
  return cells;
})();

/** What differs between a closed and an open ticket; the rest is drawn the same way for both. */
interface Life {
  id: string;
  number: number;
  priority: Priority;
  client: number;
  status: string;
  pendingReason: string | null;
  team: string | null;
  assignee: string | null;
  sla: string | null;
  dueAt: string;
  nextMilestoneAt: string | null;
  resolvedAt: string | null;
  rating: number | null;
  takenAt: string | null;
  autoCloseAt: string | null;
  closedAt: string | null;
  closeCause: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `{"kind":"solution","text":…,"cause":null,"at":"` for each solution text, the instant and `"}` to follow. */
const solutionPrefixes = new Map<string, string>();

function solutionJson(rng: () => number, at: string): string {
  const text = solutionText(rng);
  let prefix = solutionPrefixes.get(text);
  if (!prefix) {
    prefix = toJson({ kind: 'solution', text, cause: null, at: '' }).slice(0, -2);
    solutionPrefixes.set(text, prefix);
  }
  return `${prefix}${at}"}`;
}

/** One row, every column written out in one literal (a spread of 45 columns a million times is slow). */
function ticketRow(plan: BasePlan, rng: () => number, l: Life): TicketRow {
  const cells = CELLS[l.priority];
  const [impact, urgency] = cells[Math.floor(rng() * cells.length)] as [number, number];
  const { title, description } = ticketText(rng);
  return {
    id: l.id,
    number: l.number,
    client_id: plan.clientIds[l.client] as string,
    contract_id: plan.contractIds[l.client] as string,
    title,
    description,
    type: typeOf(rng),
    source: sourceOf(rng),
    status: l.status,
    pending_reason: l.pendingReason,
    is_open: l.status === 'closed' ? 0 : 1,
    priority: l.priority,
    impact,
    urgency,
    category_id: rng() < 0.85 ? (plan.categoryIds[Math.floor(rng() * plan.categoryIds.length)] as string) : null,
    support_level: Number(levelOf(rng)),
    entry_level: 1,
    levels_delivered: '[1,2,3]',
    out_of_scope: 0,
    team_id: l.team,
    assignee_id: l.assignee,
    requester_contact_id: null,
    requester_user_id: null,
    requester_name: personName(Math.floor(rng() * 528)),
    sla: l.sla,
    due_at: l.dueAt,
    next_milestone_at: l.nextMilestoneAt,
    solution: l.resolvedAt === null ? null : solutionJson(rng, l.resolvedAt),
    follow_up_ticket_id: null,
    parent_ticket_id: null,
    merged_into_id: null,
    manager_escalation: null,
    satisfaction_rating: l.rating,
    satisfaction_comment: null,
    taken_at: l.takenAt,
    resolved_at: l.resolvedAt,
    auto_close_at: l.autoCloseAt,
    closed_at: l.closedAt,
    close_cause: l.closeCause,
    created_by: null,
    version: l.version,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
  };
}

function memberOf(plan: BasePlan, rng: () => number, team: number): string {
  const members = plan.members[team] as number[];
  return plan.technicians[members[Math.floor(rng() * members.length)] as number]?.id as string;
}

/**
 * The closed tickets in number order (1 … 960,000), created over the four years before `now`, in batches.
 * Creation instants are drawn first and sorted, so that numbers and ids follow creation like the server's.
 */
export function* closedTickets(plan: BasePlan, now: number, batchSize: number): Generator<TicketRow[]> {
  const rng = random(11);
  const templates = PRIORITIES.flatMap((p) => Array.from({ length: VARIANTS }, () => closedTemplate(p, rng)));
  const keys = new Float64Array(CLOSED_TICKETS);
  const start = now - HISTORY_MS;
  for (let i = 0; i < CLOSED_TICKETS; i++) {
    // More tickets lately (the provider grew); each on a template moved by whole weeks, closed before `now`.
    const target = start + HISTORY_MS * ((i + rng()) / CLOSED_TICKETS) ** 0.8;
    const index = PRIORITIES.indexOf(priorityOf(rng)) * VARIANTS + Math.floor(rng() * VARIANTS);
    const template = templates[index] as ClosedTemplate;
    let created = template.created + Math.round((target - template.created) / WEEK) * WEEK;
    while (created + template.closed > now - HOUR) created -= WEEK;
    keys[i] = created * 512 + index;
  }
  keys.sort();
  let batch: TicketRow[] = [];
  for (let i = 0; i < CLOSED_TICKETS; i++) {
    const key = keys[i] as number;
    const index = key % 512;
    const created = (key - index) / 512;
    const t = templates[index] as ClosedTemplate;
    const client = clientOf(rng);
    const team = teamOfClient(client);
    const rated = t.cause === 'requester_confirmation' && rng() < 0.4;
    const closedAt = iso(created + t.closed);
    batch.push(
      ticketRow(plan, rng, {
        id: uuid7(created, rng),
        number: i + 1,
        priority: t.priority,
        client,
        status: 'closed',
        pendingReason: null,
        team: plan.teamIds[team] as string,
        assignee: memberOf(plan, rng, team),
        sla: renderSla(t, created - t.created),
        dueAt: NO_DEADLINE,
        nextMilestoneAt: null,
        resolvedAt: iso(created + t.resolved),
        rating: rated ? (rng() < 0.7 ? 5 : rng() < 0.7 ? 4 : 3) : null,
        takenAt: iso(created + t.taken),
        autoCloseAt: null,
        closedAt,
        closeCause: t.cause,
        version: t.moves,
        createdAt: iso(created),
        updatedAt: closedAt,
      }),
    );
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The open tickets as of `now`, numbered after the closed ones in creation order: 2,000 new (not routed yet),
 * then assigned, in progress, pending and resolved tickets of each team, milestones due by `now` fired.
 */
export function openTickets(plan: BasePlan, now: number): TicketRow[] {
  const rng = random(23);
  const lives: { status: OpenStatus; priority: Priority; client: number; life: OpenLife }[] = [];
  for (const [status, count] of Object.entries(OPEN_MIX) as [OpenStatus, number][]) {
    for (let i = 0; i < count; i++) {
      const priority = priorityOf(rng);
      const client = clientOf(rng);
      const life = openLife(rng, status, priority, teamOfClient(client), now);
      life.clocks.fire(now);
      lives.push({ status, priority, client, life });
    }
  }
  lives.sort((a, b) => a.life.created - b.life.created);
  return lives.map(({ status, priority, client, life }, i) => {
    const columns = slaColumns(life.clocks.sla, TERMS, priority);
    const autoClose =
      life.resolved === null
        ? null
        : autoCloseAt(new Date(life.resolved), DEFAULT_AUTO_CLOSE_BUSINESS_DAYS, TERMS.calendar);
    return ticketRow(plan, rng, {
      id: uuid7(life.created, rng),
      number: CLOSED_TICKETS + i + 1,
      priority,
      client,
      status,
      pendingReason: life.pendingReason,
      team: life.team === null ? null : (plan.teamIds[life.team] as string),
      assignee: life.assignee && life.team !== null ? memberOf(plan, rng, life.team) : null,
      sla: columns.sla ? toJson(columns.sla) : null,
      dueAt: columns.due_at,
      nextMilestoneAt: columns.next_milestone_at,
      resolvedAt: life.resolved === null ? null : iso(life.resolved),
      rating: null,
      takenAt: life.taken === null ? null : iso(life.taken),
      autoCloseAt: autoClose ? autoClose.toISOString() : null,
      closedAt: null,
      closeCause: null,
      version: life.moves,
      createdAt: iso(life.created),
      updatedAt: iso(life.updated),
    });
  });
}
