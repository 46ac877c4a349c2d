import type { Page, Ticket, TicketPatch, TicketSummary } from '@vigie/contracts';
import {
  applySlaEffect,
  localDateOf,
  openTicketSla,
  type Priority,
  parseTicketReference,
  retargetTicketSla,
  type SeverityLevel,
  type SupportLevel,
  slaEffect,
} from '@vigie/domain';
import type { z } from 'zod';
import { type Ctx, isStaff } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { AppError, forbidden, invalid, invalidFields, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import { nextCounterValue } from '../../db/counters.js';
import type { TicketRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { assertCanOpenInHouse, heldInHouse, holdInHouse, inHouseHolderProblems, inHouseIntake } from './in-house.js';
import { fireDueMilestones } from './sla-milestones.js';
import { slaColumns } from './sla-storage.js';
import {
  assertCanOpenTicketFor,
  assertCanReadTicket,
  assertCanWorkTicket,
  seesInternal,
  ticketScopeOf,
} from './ticket.policy.js';
import {
  applyClockEffect,
  type EventSpec,
  openDraft,
  recordEvents,
  saveDraft,
  type TicketDraft,
} from './ticket-draft.js';
import { listEvents } from './ticket-events.repository.js';
import {
  categoryRow,
  clientBasics,
  contactBasics,
  contactOfUser,
  findContractRow,
  staffUser,
  teamIdsOfUser,
  teamServesClient,
  userOfContact,
  userReachesClient,
} from './ticket-lookups.repository.js';
import { presentSummary, presentTicket } from './ticket-presenter.js';
import { defaultTeam, type Qualification, qualify } from './ticket-qualification.js';
import {
  assetsOfTicket,
  findTicket,
  findTicketForUpdate,
  findTicketWithNames,
  insertTicket,
  listTickets,
  setTicketAssets,
  type TicketFilter,
  ticketNumbers,
} from './tickets.repository.js';

type CreateValues = z.output<typeof import('@vigie/contracts').TicketInput>;
type PatchValues = z.output<typeof TicketPatch>;
type ListValues = z.output<typeof import('@vigie/contracts').TicketListQuery>;

const BREACHING_SOON_MS = 60 * 60_000;
/** Ticket numbers are 32-bit integers in the database (PostgreSQL fails on a larger one): beyond, no ticket. */
const MAX_TICKET_NUMBER = 2 ** 31 - 1;

/** Tickets: intake, reading, lists and queues, plain edits. The workflow (status, escalation…) is next door. */
export class TicketService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The ticket's row when the actor may read it; 404 otherwise. */
  async readable(ctx: Ctx, ticketId: string): Promise<TicketRow> {
    const row = await findTicket(this.db, ticketId);
    assertCanReadTicket(ctx.actor, row);
    return row as TicketRow;
  }

  /** The ticket's row when the actor may work it; 404 or 403 otherwise. */
  async workable(ctx: Ctx, ticketId: string): Promise<TicketRow> {
    const row = await findTicket(this.db, ticketId);
    assertCanWorkTicket(ctx.actor, row);
    return row as TicketRow;
  }

  /** Adds a timeline event in the caller's transaction (time entries, visits, articles…). */
  async recordEvent(
    trx: Db,
    ctx: Ctx,
    ticket: Pick<TicketRow, 'id' | 'client_id'>,
    kind: string,
    options: { body?: string | null; visibility?: 'public' | 'internal'; data?: Record<string, unknown> } = {},
  ): Promise<void> {
    await recordEvents(trx, ctx, ticket, this.clock.now().toISOString(), [{ kind, ...options }]);
  }

  async get(ctx: Ctx, ticketId: string): Promise<Ticket> {
    const row = await findTicketWithNames(this.db, ticketId);
    assertCanReadTicket(ctx.actor, row);
    if (!row) throw notFound('Ticket');
    const [category, contract, contact, assets, numbers] = await Promise.all([
      row.category_id ? categoryRow(this.db, row.category_id) : undefined,
      row.contract_id ? findContractRow(this.db, row.contract_id) : undefined,
      row.requester_contact_id ? contactBasics(this.db, row.requester_contact_id) : undefined,
      assetsOfTicket(this.db, row.id),
      ticketNumbers(
        this.db,
        [row.follow_up_ticket_id, row.parent_ticket_id, row.merged_into_id].filter((id): id is string => id !== null),
      ),
    ]);
    const ticket = presentTicket(row, {
      category: category ? { id: category.id, name: category.name } : null,
      contract: contract ? { id: contract.id, reference: contract.reference, name: contract.name } : null,
      requester: {
        contactId: contact?.id ?? null,
        name: row.requester_name,
        email: contact?.email ?? null,
        phone: contact?.phone ?? contact?.mobile ?? null,
      },
      assets,
      numbers,
    });
    // Bringing a manager in is the provider's business: its reason is an internal note, like its timeline event.
    return seesInternal(ctx.actor) ? ticket : { ...ticket, managerEscalation: null };
  }

  async list(ctx: Ctx, query: ListValues): Promise<Page<TicketSummary>> {
    const actor = ctx.actor;
    const scope = ticketScopeOf(actor);
    const filter: TicketFilter = { clientIds: scope.clientIds, requesterUserId: scope.requesterUserId };
    let sort = query.sort;
    switch (query.queue) {
      case 'mine':
        filter.isOpen = true;
        filter.assigneeId = actor.userId ?? '';
        break;
      case 'team':
        filter.isOpen = true;
        filter.teamIds = actor.userId ? await teamIdsOfUser(this.db, actor.userId) : [];
        break;
      case 'unassigned':
        filter.isOpen = true;
        filter.unassigned = true;
        // a ticket the client's own IT holds waits on nobody at the provider
        filter.inHouse = false;
        break;
      case 'in_house':
        filter.isOpen = true;
        filter.inHouse = true;
        break;
      case 'breaching':
        filter.isOpen = true;
        filter.dueBefore = new Date(this.clock.now().getTime() + BREACHING_SOON_MS).toISOString();
        sort = 'due';
        break;
      case 'pending':
        filter.statuses = ['pending'];
        break;
      case 'open':
        filter.isOpen = true;
        break;
      case 'all':
        break;
    }
    // Working queues show what waits on the provider; resolved tickets wait on the requester ('all' or a status filter).
    filter.excludeResolved = query.queue !== 'all';
    if (query.status?.length) filter.statuses = query.status;
    if (query.priority?.length) filter.priorities = query.priority;
    if (query.level?.length) filter.levels = query.level;
    if (query.clientId) filter.clientId = query.clientId;
    if (query.teamId) filter.teamIds = [query.teamId];
    if (query.assigneeId) filter.assigneeId = query.assigneeId;
    if (query.categoryId) filter.categoryId = query.categoryId;
    if (query.q) {
      const number = parseTicketReference(query.q) ?? (/^\d{1,9}$/.test(query.q) ? Number(query.q) : null);
      // Numbers start at 1: 0 matches nothing.
      if (number !== null) filter.number = number <= MAX_TICKET_NUMBER ? number : 0;
      else if (seesInternal(actor)) filter.search = query.q;
      else filter.titleContains = query.q;
    }
    const page = await listTickets(this.db, filter, sort, query);
    return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
  }

  async create(ctx: Ctx, input: CreateValues): Promise<Ticket> {
    const actor = ctx.actor;
    assertCanOpenTicketFor(actor, input.clientId);
    if (input.handledInHouse) assertCanOpenInHouse(actor);
    const client = await clientBasics(this.db, input.clientId);
    if (!client) throw notFound('Client');
    const now = this.clock.now();
    const staff = isStaff(actor);
    const problems: { path: (string | number)[]; message: string }[] = [];
    if (!client.active) problems.push({ path: ['clientId'], message: 'this client is archived' });

    // Who asked: a requester is their own; staff, the client's manager and its IT may name a contact of the client.
    let requesterContactId = input.requesterContactId ?? null;
    let requesterName: string | null = null;
    let requesterUserId: string | null = null;
    if (!staff && !(requesterContactId && actor.role !== 'requester')) {
      requesterUserId = actor.userId;
      requesterName = actor.name;
      const me = actor.userId ? ((await staffUser(this.db, actor.userId))?.email ?? null) : null;
      const contact = me ? await contactOfUser(this.db, input.clientId, me) : undefined;
      requesterContactId = contact?.id ?? null;
    } else if (requesterContactId) {
      const contact = await contactBasics(this.db, requesterContactId);
      if (!contact || contact.client_id !== input.clientId) {
        problems.push({ path: ['requesterContactId'], message: 'no such contact at this client' });
      } else {
        requesterName = `${contact.first_name} ${contact.last_name}`.trim();
        requesterUserId = await userOfContact(this.db, input.clientId, contact.email);
      }
    }
    const result = await qualify(this.db, {
      clientId: input.clientId,
      impact: input.impact as SeverityLevel,
      urgency: input.urgency as SeverityLevel,
      categoryId: input.categoryId ?? null,
      assetIds: input.assetIds,
      today: localDateOf(now, client.time_zone),
    });
    if ('problems' in result) problems.push(...result.problems);
    // The client's IT may take at once a ticket it handles itself; the provider's queues are the provider's.
    if (!staff && (input.teamId || input.assigneeId || (input.takeNow && !input.handledInHouse))) {
      throw forbidden('Only the provider assigns tickets');
    }
    const inHouse =
      input.handledInHouse && 'qualification' in result ? inHouseIntake(result.qualification, input) : null;
    if (inHouse && 'problems' in inHouse) problems.push(...inHouse.problems);
    const teamId =
      input.handledInHouse || input.teamId !== undefined || !('qualification' in result)
        ? (input.teamId ?? null)
        : await defaultTeam(this.db, input.clientId, result.qualification, staff ? actor.userId : null);
    if (input.teamId && !(await teamServesClient(this.db, input.teamId, input.clientId))) {
      problems.push({ path: ['teamId'], message: 'no such team serving this client' });
    }
    const assigneeId = input.takeNow ? actor.userId : (input.assigneeId ?? null);
    if (input.takeNow && !actor.userId)
      problems.push({ path: ['takeNow'], message: 'only a person can take a ticket' });
    if (input.handledInHouse) {
      problems.push(...(await inHouseHolderProblems(this.db, null, assigneeId, input.clientId)));
    } else if (assigneeId) {
      problems.push(...(await this.assigneeProblems(this.db, assigneeId, input.clientId, ['assigneeId'])));
    }
    if (problems.length > 0 || 'problems' in result) {
      throw invalidFields(problems);
    }
    const q = result.qualification;
    const source = input.source ?? (!staff ? 'portal' : actor.scopes ? 'api' : 'phone');
    const row = await this.newTicketRow(ctx, now, {
      clientId: input.clientId,
      title: input.title,
      description: input.description,
      type: input.type,
      source,
      impact: input.impact,
      urgency: input.urgency,
      categoryId: input.categoryId ?? null,
      requesterContactId,
      requesterUserId,
      requesterName,
      qualification: q,
    });
    if (inHouse && 'level' in inHouse) holdInHouse(row, inHouse.level);
    const id = await this.db.transaction().execute(async (trx) => {
      row.number = await nextCounterValue(trx, 'ticket');
      await insertTicket(trx, row);
      await setTicketAssets(trx, row.id, input.assetIds);
      const draft = await openDraft(trx, row, now);
      draft.events.push({
        kind: 'created',
        visibility: 'public',
        body: row.description || null,
        data: {
          source,
          priority: row.priority,
          level: row.support_level,
          outOfScope: row.out_of_scope === 1,
          ...(inHouse ? { inHouse: true } : {}),
        },
      });
      this.routeAtIntake(draft, teamId, assigneeId, input.takeNow);
      draft.reindex = true;
      await saveDraft(trx, ctx, draft);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'ticket',
        objectId: row.id,
        clientId: row.client_id,
        after: { number: row.number, title: row.title, priority: row.priority, source },
      });
      return row.id;
    });
    return this.get(ctx, id);
  }

  /**
   * A ticket opened by an inbound mail, written in the caller's transaction (mail intake marks the mail processed in
   * the same one). Impact and urgency default to 3/3; it lands with the client's default team like a portal ticket.
   */
  openFromMail(
    trx: Db,
    ctx: Ctx,
    v: {
      clientId: string;
      title: string;
      description: string;
      requesterContactId: string | null;
      requesterUserId: string | null;
      requesterName: string | null;
      mailId: string;
    },
  ): Promise<{ id: string; number: number }> {
    const { mailId, ...rest } = v;
    return this.openFromChannel(trx, ctx, {
      ...rest,
      source: 'email',
      impact: 3,
      urgency: 3,
      assetIds: [],
      created: { visibility: 'public', data: { mailId } },
    });
  }

  /**
   * A ticket opened by an intake channel (mail, monitoring) in the caller's transaction: qualified like any ticket
   * (contract, priority, entry level, SLA clocks), routed to the client's default team, with its creation event
   * and audit entry.
   */
  async openFromChannel(
    trx: Db,
    ctx: Ctx,
    v: {
      clientId: string;
      title: string;
      description: string;
      source: 'email' | 'monitoring';
      impact: SeverityLevel;
      urgency: SeverityLevel;
      assetIds: string[];
      requesterContactId: string | null;
      requesterUserId: string | null;
      requesterName: string | null;
      created: { visibility: 'public' | 'internal'; data: Record<string, unknown> };
    },
  ): Promise<{ id: string; number: number }> {
    const now = this.clock.now();
    const client = await clientBasics(trx, v.clientId);
    if (!client) throw notFound('Client');
    const result = await qualify(trx, {
      clientId: v.clientId,
      impact: v.impact,
      urgency: v.urgency,
      categoryId: null,
      assetIds: v.assetIds,
      today: localDateOf(now, client.time_zone),
    });
    if ('problems' in result) throw invalidFields(result.problems);
    const q = result.qualification;
    const row = await this.newTicketRow(ctx, now, {
      clientId: v.clientId,
      title: v.title,
      description: v.description,
      type: 'incident',
      source: v.source,
      impact: v.impact,
      urgency: v.urgency,
      categoryId: null,
      requesterContactId: v.requesterContactId,
      requesterUserId: v.requesterUserId,
      requesterName: v.requesterName,
      qualification: q,
    });
    row.number = await nextCounterValue(trx, 'ticket');
    await insertTicket(trx, row);
    if (v.assetIds.length > 0) await setTicketAssets(trx, row.id, v.assetIds);
    const draft = await openDraft(trx, row, now);
    draft.events.push({
      kind: 'created',
      visibility: v.created.visibility,
      body: row.description || null,
      data: { source: v.source, ...v.created.data, priority: row.priority, level: row.support_level },
    });
    this.routeAtIntake(draft, await defaultTeam(trx, v.clientId, q, null), null, false);
    draft.reindex = true;
    await saveDraft(trx, ctx, draft);
    await this.audit.record(trx, ctx, {
      action: 'create',
      objectType: 'ticket',
      objectId: row.id,
      clientId: row.client_id,
      after: { number: row.number, title: row.title, priority: row.priority, source: v.source },
    });
    return { id: row.id, number: row.number };
  }

  /** A new ticket's row, SLA clocks started at `now` (used by intake and by follow-up tasks). */
  async newTicketRow(
    ctx: Ctx,
    now: Date,
    v: {
      clientId: string;
      title: string;
      description: string;
      type: string;
      source: string;
      impact: number;
      urgency: number;
      categoryId: string | null;
      requesterContactId: string | null;
      requesterUserId: string | null;
      requesterName: string | null;
      qualification: Qualification;
      parentTicketId?: string;
    },
  ): Promise<TicketRow> {
    const q = v.qualification;
    const at = now.toISOString();
    const sla = q.terms ? openTicketSla(q.terms, q.priority, q.entryLevel, now) : null;
    return {
      id: newId(),
      number: 0,
      client_id: v.clientId,
      contract_id: q.contract?.id ?? null,
      title: v.title,
      description: v.description,
      type: v.type,
      source: v.source,
      status: 'new',
      pending_reason: null,
      is_open: 1,
      priority: q.priority,
      impact: v.impact,
      urgency: v.urgency,
      category_id: v.categoryId,
      support_level: q.entryLevel,
      entry_level: q.entryLevel,
      levels_delivered: q.levelsDelivered,
      out_of_scope: q.outOfScope ? 1 : 0,
      team_id: null,
      assignee_id: null,
      requester_contact_id: v.requesterContactId,
      requester_user_id: v.requesterUserId,
      requester_name: v.requesterName,
      ...slaColumns(sla, q.terms, q.priority),
      solution: null,
      follow_up_ticket_id: null,
      parent_ticket_id: v.parentTicketId ?? null,
      merged_into_id: null,
      manager_escalation: null,
      satisfaction_rating: null,
      satisfaction_comment: null,
      taken_at: null,
      resolved_at: null,
      auto_close_at: null,
      closed_at: null,
      close_cause: null,
      created_by: ctx.actor.userId,
      version: 0,
      created_at: at,
      updated_at: at,
    };
  }

  /** Where a new ticket lands: a team's queue, a person, or in the caller's hands at once (phone call). */
  routeAtIntake(draft: TicketDraft, teamId: string | null, assigneeId: string | null, takeNow: boolean): void {
    draft.row.team_id = teamId;
    draft.row.assignee_id = assigneeId;
    if (!teamId && !assigneeId) return;
    const status = takeNow ? 'in_progress' : 'assigned';
    const effect = slaEffect('new', status, assigneeId ? 'person' : 'team');
    applyClockEffect(draft, effect);
    draft.row.status = status;
    draft.events.push({ kind: 'assignment', data: { teamId, assigneeId } });
    draft.events.push({ kind: 'status', data: { from: 'new', to: status } });
  }

  async update(ctx: Ctx, ticketId: string, patch: PatchValues): Promise<Ticket> {
    await this.db.transaction().execute(async (trx) => {
      const current = await findTicketForUpdate(trx, ticketId);
      assertCanWorkTicket(ctx.actor, current);
      const row = current as TicketRow;
      if (row.status === 'closed') throw new AppError(409, 'transition_refused', 'a closed ticket cannot change');
      const draft = await openDraft(trx, row, this.clock.now());
      await fireDueMilestones(trx, draft);
      const changed: Record<string, unknown> = {};
      if (patch.title !== undefined && patch.title !== row.title) draft.row.title = changed.title = patch.title;
      if (patch.description !== undefined && patch.description !== row.description) {
        draft.row.description = changed.description = patch.description;
      }
      if (patch.type !== undefined && patch.type !== row.type) draft.row.type = changed.type = patch.type;
      if (patch.requesterContactId !== undefined && patch.requesterContactId !== row.requester_contact_id) {
        await this.changeRequester(trx, draft, patch.requesterContactId ?? null);
        changed.requester = draft.row.requester_name;
      }
      const impact = (patch.impact ?? row.impact) as SeverityLevel;
      const urgency = (patch.urgency ?? row.urgency) as SeverityLevel;
      const categoryId = patch.categoryId !== undefined ? (patch.categoryId ?? null) : row.category_id;
      const assetIds = patch.assetIds ?? (await assetsOfTicket(trx, row.id)).map((a) => a.id);
      const requalify =
        impact !== row.impact ||
        urgency !== row.urgency ||
        categoryId !== row.category_id ||
        patch.assetIds !== undefined;
      if (requalify) {
        const client = await clientBasics(trx, row.client_id);
        const result = await qualify(trx, {
          clientId: row.client_id,
          impact,
          urgency,
          categoryId,
          assetIds,
          today: localDateOf(draft.now, client?.time_zone ?? 'Europe/Paris'),
        });
        if ('problems' in result) {
          throw invalidFields(result.problems);
        }
        this.applyQualification(draft, result.qualification, { impact, urgency, categoryId }, changed);
        if (patch.assetIds !== undefined) {
          await setTicketAssets(trx, row.id, patch.assetIds);
          changed.assetIds = patch.assetIds;
        }
      }
      if (Object.keys(changed).length === 0 && draft.events.length === 0) return;
      if (Object.keys(changed).length > 0) draft.events.push({ kind: 'update', data: changed });
      draft.reindex = 'title' in changed || 'description' in changed || 'requester' in changed;
      await saveDraft(trx, ctx, draft);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'ticket',
        objectId: row.id,
        clientId: row.client_id,
        after: changed,
      });
    });
    return this.get(ctx, ticketId);
  }

  /** A new priority or contract keeps the consumed time on every clock and applies the new targets. */
  private applyQualification(
    draft: TicketDraft,
    q: Qualification,
    v: { impact: number; urgency: number; categoryId: string | null },
    changed: Record<string, unknown>,
  ): void {
    const row = draft.row;
    const before = { terms: draft.terms, priority: row.priority as Priority };
    row.impact = v.impact;
    row.urgency = v.urgency;
    if (v.categoryId !== row.category_id) row.category_id = changed.categoryId = v.categoryId;
    row.out_of_scope = q.outOfScope ? 1 : 0;
    const contractChanged = (q.contract?.id ?? null) !== row.contract_id;
    if (q.priority !== row.priority) {
      changed.priority = q.priority;
      draft.events.push({ kind: 'priority', data: { from: row.priority, to: q.priority } });
    }
    if (contractChanged) changed.contractId = q.contract?.id ?? null;
    if (draft.sla && before.terms && q.terms && (contractChanged || q.priority !== row.priority)) {
      draft.sla = retargetTicketSla(
        draft.sla,
        { terms: before.terms, priority: before.priority },
        { terms: q.terms, priority: q.priority },
        draft.now,
      );
    } else if (contractChanged && !heldInHouse(row)) {
      // (A ticket the client's IT holds has no provider clock until it is handed over, whatever the contract.)
      // A ticket gains or loses its SLA only with a contract: new clocks start now; none when it loses it. They start
      // as the ticket stands: take-charge met if someone took it already, resolution paused while it waits.
      draft.sla = q.terms ? openTicketSla(q.terms, q.priority, row.support_level as SupportLevel, draft.now) : null;
      if (draft.sla && q.terms) {
        const waits = row.status === 'pending' || row.status === 'resolved';
        const effect = { tto: row.taken_at ? 'stop' : 'none', ttr: waits ? 'pause' : 'none' } as const;
        draft.sla = applySlaEffect(draft.sla, q.terms, q.priority, effect, draft.now);
      }
    }
    row.priority = q.priority;
    row.contract_id = q.contract?.id ?? null;
    row.levels_delivered = q.levelsDelivered;
    draft.terms = q.terms;
  }

  private async changeRequester(trx: Db, draft: TicketDraft, contactId: string | null): Promise<void> {
    if (!contactId) {
      draft.row.requester_contact_id = null;
      draft.row.requester_name = null;
      draft.row.requester_user_id = null;
      return;
    }
    const contact = await contactBasics(trx, contactId);
    if (!contact || contact.client_id !== draft.row.client_id) {
      throw invalid('requesterContactId: no such contact at this client', [
        { path: ['requesterContactId'], message: 'no such contact at this client' },
      ]);
    }
    draft.row.requester_contact_id = contact.id;
    draft.row.requester_name = `${contact.first_name} ${contact.last_name}`.trim();
    draft.row.requester_user_id = await userOfContact(trx, draft.row.client_id, contact.email);
  }

  async events(ctx: Ctx, ticketId: string, page: { cursor?: string | undefined; limit: number }) {
    await this.readable(ctx, ticketId);
    return listEvents(this.db, ticketId, { includeInternal: seesInternal(ctx.actor), ...page });
  }

  /** Problems of giving a ticket to a person: active staff (or the client's in-house IT) who reach the client. */
  async assigneeProblems(db: Db, userId: string, clientId: string, path: (string | number)[]) {
    const user = await staffUser(db, userId);
    const ok =
      user &&
      user.active === 1 &&
      (user.role === 'admin' ||
        user.role === 'manager' ||
        (user.role === 'technician' && (await userReachesClient(db, userId, clientId))) ||
        (user.role === 'client_it' && user.client_id === clientId));
    return ok ? [] : [{ path, message: 'not a technician serving this client' }];
  }
}

export type { EventSpec };
