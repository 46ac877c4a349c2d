/**
 * The SLA lifecycles of ticket-queue's tickets, walked with the domain's own functions (`openTicketSla`,
 * `applySlaEffect`, `dueMilestones` at each move, `autoCloseAt`): templates of closed tickets, run once in a base
 * week, and the life of each open ticket up to the run's start.
 */
import {
  addBusinessMinutes,
  applySlaEffect,
  autoCloseAt,
  type BusinessCalendar,
  DEFAULT_AUTO_CLOSE_BUSINESS_DAYS,
  dueMilestones,
  markFired,
  openTicketSla,
  type Priority,
  roundTheClock,
  slaEffect,
  type TicketSla,
  type TicketStatus,
} from '@vigie/domain';
import { toJson } from '../../apps/server/src/db/dialect.js';
import { slaColumns } from '../../apps/server/src/modules/tickets/sla-storage.js';
import { DAY, HOUR, iso, MINUTE, type OpenStatus, TERMS, WEEK, weighted } from './plan.js';

const pendingReasonOf = weighted({ requester: 60, vendor: 25, planned_date: 15 });
/** Monday 8 January 2024, 00:00 in Paris: the week the closed-ticket templates are computed in. */
const BASE_WEEK = Date.UTC(2024, 0, 7, 23);

const between = (rng: () => number, low: number, high: number) => low + (high - low) * rng();

/** A ticket's clocks walked through its moves; each move first fires what is due, as the server does. */
export class Clocks {
  sla: TicketSla;
  /** TTO and TTR count on the contract's calendar, or around the clock when the priority's target says so. */
  readonly calendar: BusinessCalendar;

  constructor(
    readonly priority: Priority,
    created: number,
  ) {
    this.sla = openTicketSla(TERMS, priority, 1, new Date(created));
    const aroundTheClock = TERMS.policy.targets[priority].aroundTheClock;
    this.calendar = aroundTheClock ? roundTheClock(TERMS.calendar.timeZone) : TERMS.calendar;
  }

  fire(at: number): void {
    const due = dueMilestones(this.sla, TERMS, this.priority, new Date(at));
    if (due.length > 0) this.sla = markFired(this.sla, due);
  }

  move(at: number, from: TicketStatus, to: TicketStatus, holder?: 'team' | 'person'): void {
    this.fire(at);
    this.sla = applySlaEffect(this.sla, TERMS, this.priority, slaEffect(from, to, holder), new Date(at));
  }

  /** `from` plus a share of a target, in the clock's business time. */
  after(from: number, clock: 'tto' | 'ttr', share: number): number {
    const target = TERMS.policy.targets[this.priority];
    const minutes = (clock === 'tto' ? target.ttoMinutes : target.ttrMinutes) * share;
    return addBusinessMinutes(this.calendar, new Date(from), minutes).getTime();
  }
}

/** How long a ticket takes to be owned (mostly within target, one in ten late) and to be fixed. */
const ownShare = (rng: () => number) => (rng() < 0.9 ? between(rng, 0.05, 0.95) : between(rng, 1, 2));
const fixShare = (rng: () => number) => (rng() < 0.88 ? between(rng, 0.05, 0.9) : between(rng, 1, 1.8));

/** When tickets come in: mostly office hours on weekdays, some at night and at weekends (monitoring, e-mail). */
function intakeInWeek(rng: () => number): number {
  if (rng() < 0.15) return BASE_WEEK + Math.round(rng() * WEEK);
  return BASE_WEEK + Math.floor(rng() * 5) * DAY + Math.round(between(rng, 8.5 * HOUR, 18 * HOUR));
}

export interface ClosedTemplate {
  priority: Priority;
  created: number;
  /** Offsets from creation. */
  taken: number;
  resolved: number;
  closed: number;
  cause: 'requester_confirmation' | 'auto_close';
  moves: number;
  /** The `sla` JSON cut around its instants, which move with the ticket. */
  parts: string[];
  instants: number[];
}

const INSTANT = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"/g;

export function closedTemplate(priority: Priority, rng: () => number): ClosedTemplate {
  const created = intakeInWeek(rng);
  const clocks = new Clocks(priority, created);
  const routed = created + between(rng, 1, 40) * MINUTE;
  clocks.move(routed, 'new', 'assigned', 'team');
  const taken = Math.max(routed + MINUTE, clocks.after(created, 'tto', ownShare(rng)));
  clocks.move(taken, 'assigned', 'in_progress');
  let working = taken;
  let moves = 3;
  if (rng() < 0.25) {
    const pending = taken + between(rng, 10 * MINUTE, 4 * HOUR);
    clocks.move(pending, 'in_progress', 'pending');
    working = pending + between(rng, 2 * HOUR, 4 * DAY);
    clocks.move(working, 'pending', 'in_progress');
    moves += 2;
  }
  const resolved = Math.max(working + 5 * MINUTE, clocks.after(taken, 'ttr', fixShare(rng)));
  clocks.move(resolved, 'in_progress', 'resolved');
  const confirmed = rng() < 0.6;
  const closed = confirmed
    ? resolved + between(rng, 10 * MINUTE, 26 * HOUR)
    : autoCloseAt(new Date(resolved), DEFAULT_AUTO_CLOSE_BUSINESS_DAYS, TERMS.calendar).getTime();
  clocks.move(closed, 'resolved', 'closed');
  const json = toJson(slaColumns(clocks.sla, TERMS, priority).sla);
  const parts = json.split(INSTANT).filter((_, i) => i % 2 === 0);
  const instants = [...json.matchAll(INSTANT)].map((m) => Date.parse(m[1] as string));
  return {
    priority,
    created,
    taken: taken - created,
    resolved: resolved - created,
    closed: closed - created,
    cause: confirmed ? 'requester_confirmation' : 'auto_close',
    moves: moves + 2,
    parts,
    instants,
  };
}

export function renderSla(template: ClosedTemplate, shift: number): string {
  let out = template.parts[0] as string;
  for (let i = 0; i < template.instants.length; i++) {
    out += `"${iso((template.instants[i] as number) + shift)}"${template.parts[i + 1]}`;
  }
  return out;
}

export interface OpenLife {
  created: number;
  team: number | null;
  assignee: boolean;
  taken: number | null;
  resolved: number | null;
  pendingReason: string | null;
  moves: number;
  updated: number;
  clocks: Clocks;
}

/** One open ticket's life up to `now`, by status: how old it is and which moves it went through. */
export function openLife(
  rng: () => number,
  status: OpenStatus,
  priority: Priority,
  team: number,
  now: number,
): OpenLife {
  const age = { new: 6 * HOUR, assigned: 5 * DAY, in_progress: 20 * DAY, pending: 45 * DAY, resolved: 15 * DAY };
  const skew = { new: 1, assigned: 2, in_progress: 1.5, pending: 1, resolved: 1 };
  const created = now - MINUTE - age[status] * rng() ** skew[status];
  const clocks = new Clocks(priority, created);
  const life: OpenLife = {
    created,
    team: null,
    assignee: false,
    taken: null,
    resolved: null,
    pendingReason: null,
    moves: 1,
    updated: created,
    clocks,
  };
  if (status === 'new') return life;
  const routed = Math.min(now, created + between(rng, 1, 30) * MINUTE);
  life.team = team;
  life.updated = routed;
  life.moves++;
  if (status === 'assigned') {
    life.assignee = rng() < 0.5;
    clocks.move(routed, 'new', 'assigned', life.assignee ? 'person' : 'team');
    if (life.assignee) life.taken = routed;
    return life;
  }
  clocks.move(routed, 'new', 'assigned', 'team');
  let taken = Math.max(routed, clocks.after(created, 'tto', ownShare(rng)));
  if (taken >= now) taken = routed + (now - routed) * rng();
  clocks.move(taken, 'assigned', 'in_progress');
  Object.assign(life, { assignee: true, taken, updated: taken, moves: life.moves + 1 });
  if (status === 'pending') {
    const pending = taken + (now - taken) * rng();
    clocks.move(pending, 'in_progress', 'pending');
    Object.assign(life, { pendingReason: pendingReasonOf(rng), updated: pending, moves: life.moves + 1 });
  } else if (status === 'resolved') {
    // Resolved within the last days, so that the auto-close is still ahead.
    let resolved = Math.max(taken + MINUTE, now - rng() * 4 * DAY);
    if (autoCloseAt(new Date(resolved), DEFAULT_AUTO_CLOSE_BUSINESS_DAYS, TERMS.calendar).getTime() <= now + HOUR) {
      resolved = Math.max(taken + MINUTE, now - rng() * 2 * HOUR);
    }
    resolved = Math.min(resolved, now);
    clocks.move(resolved, 'in_progress', 'resolved');
    Object.assign(life, { resolved, updated: resolved, moves: life.moves + 1 });
  }
  return life;
}
