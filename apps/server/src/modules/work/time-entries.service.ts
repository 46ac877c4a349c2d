import type { TimeEntry, TimeEntryInput } from '@vigie/contracts';
import { isRealDate, localDateOf } from '@vigie/domain';
import type { z } from 'zod';
import { type Ctx, systemCtx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { TicketRow, TimeEntryRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { formatMinutes } from './format-minutes.js';
import { type BankedContract, hourBankCrossingOf } from './hour-bank.service.js';
import {
  deleteTimeEntry,
  findTimeEntry,
  insertTimeEntry,
  listTimeEntries,
  presentTimeEntry,
} from './time-entries.repository.js';
import { assertCanLogTime, assertCanRemoveTimeEntry, seesWorkNotes } from './work.policy.js';
import type { TicketGate, WorkLookups } from './work-dependencies.js';

/** What time on a ticket is counted against: the client's time zone (work dates) and the contract's hour bank. */
export interface WorkTerms {
  /** The client's language, for texts the system writes on its tickets. */
  locale: string;
  timeZone: string;
  contract: { id: string; reference: string; delivery: string; bank: BankedContract | null } | null;
}

export interface NewTimeEntry {
  userId: string;
  workDate: string;
  minutes: number;
  billable: boolean;
  note: string | null;
}

/** Time spent on tickets, billable or covered by the contract; billable time consumes the hour bank. */
export class TimeEntryService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly tickets: TicketGate,
    private readonly lookups: WorkLookups,
  ) {}

  async list(ctx: Ctx, ticketId: string, query: { cursor?: string | undefined; limit: number }) {
    await this.tickets.readable(ctx, ticketId);
    const page = await listTimeEntries(this.db, ticketId, query);
    const showNote = seesWorkNotes(ctx.actor);
    return { ...page, items: page.items.map((row) => presentTimeEntry(row, showNote)) };
  }

  async create(ctx: Ctx, ticketId: string, input: z.output<typeof TimeEntryInput>): Promise<TimeEntry> {
    const ticket = await this.tickets.workable(ctx, ticketId);
    assertCanLogTime(ctx.actor);
    const terms = await this.termsOf(ticket);
    const today = localDateOf(this.clock.now(), terms.timeZone);
    const workDate = input.workDate ?? today;
    if (!isRealDate(workDate))
      throw invalid('workDate: no such date', [{ path: ['workDate'], message: 'no such date' }]);
    if (workDate > today) {
      throw invalid(`workDate: ${workDate} is in the future (today is ${today} in ${terms.timeZone})`, [
        { path: ['workDate'], message: 'in the future' },
      ]);
    }
    const entry: NewTimeEntry = {
      userId: ctx.actor.userId as string,
      workDate,
      minutes: input.minutes,
      billable: input.billable ?? ticket.out_of_scope === 1,
      note: input.note ?? null,
    };
    const row = await this.db.transaction().execute((trx) => this.record(trx, ctx, ticket, terms, entry));
    const saved = await findTimeEntry(this.db, row.id);
    if (!saved) throw notFound('Time entry');
    return presentTimeEntry(saved, true);
  }

  /** The time zone and contract terms of a ticket; read before a transaction opens (they go through services). */
  async termsOf(ticket: Pick<TicketRow, 'client_id' | 'contract_id'>): Promise<WorkTerms> {
    const [client, contract] = await Promise.all([
      this.lookups.clients.get(systemCtx, ticket.client_id),
      ticket.contract_id ? this.lookups.contracts.get(systemCtx, ticket.contract_id) : null,
    ]);
    return {
      timeZone: client.timeZone,
      locale: client.locale,
      contract: contract && {
        id: contract.id,
        reference: contract.reference,
        delivery: contract.delivery,
        bank: contract.hourBank ? { ...contract, hourBank: contract.hourBank } : null,
      },
    };
  }

  /**
   * Writes an entry with its timeline event and audit record, in the caller's transaction (visit reports add
   * theirs this way). A billable entry that crosses the hour bank's warning threshold, or exhausts it, says so on
   * the timeline.
   */
  async record(trx: Db, ctx: Ctx, ticket: TicketRow, terms: WorkTerms, entry: NewTimeEntry): Promise<TimeEntryRow> {
    const bank = terms.contract?.bank ?? null;
    const crossing = entry.billable && bank ? await hourBankCrossingOf(trx, bank, entry.workDate, entry.minutes) : null;
    const row: TimeEntryRow = {
      id: newId(),
      ticket_id: ticket.id,
      client_id: ticket.client_id,
      contract_id: terms.contract?.id ?? null,
      user_id: entry.userId,
      work_date: entry.workDate,
      minutes: entry.minutes,
      billable: entry.billable ? 1 : 0,
      note: entry.note,
      created_at: this.clock.now().toISOString(),
    };
    await insertTimeEntry(trx, row);
    await this.tickets.recordEvent(trx, ctx, ticket, 'time', {
      visibility: 'internal',
      body: crossing && bank ? crossingNote(bank.reference, crossing) : null,
      data: {
        timeEntryId: row.id,
        workDate: row.work_date,
        minutes: row.minutes,
        billable: entry.billable,
        hourBankWarning: crossing?.warning ?? false,
        hourBankExhausted: crossing?.exhausted ?? false,
        ...(crossing && { hourBank: crossing.usage }),
      },
    });
    await this.audit.record(trx, ctx, {
      action: 'create',
      objectType: 'time_entry',
      objectId: row.id,
      clientId: row.client_id,
      after: auditView(row),
    });
    return row;
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    const entry = await findTimeEntry(this.db, id);
    if (!entry) throw notFound('Time entry');
    const ticket = await this.tickets.readable(ctx, entry.ticket_id).catch((error: unknown) => {
      throw error instanceof AppError && error.status === 404 ? notFound('Time entry') : error;
    });
    assertCanRemoveTimeEntry(ctx.actor, entry);
    await this.tickets.workable(ctx, ticket.id);
    const { user_name: _name, ...row } = entry;
    await this.db.transaction().execute(async (trx) => {
      await deleteTimeEntry(trx, id);
      await this.tickets.recordEvent(trx, ctx, ticket, 'time', {
        visibility: 'internal',
        data: {
          timeEntryId: id,
          workDate: entry.work_date,
          minutes: -entry.minutes,
          billable: entry.billable === 1,
          removed: true,
          hourBankWarning: false,
          hourBankExhausted: false,
        },
      });
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'time_entry',
        objectId: id,
        clientId: entry.client_id,
        before: auditView(row),
      });
    });
  }
}

/** The technician's note sits under `notes`, which the audit trail hides from client people. */
function auditView(row: TimeEntryRow) {
  return {
    ticketId: row.ticket_id,
    userId: row.user_id,
    workDate: row.work_date,
    minutes: row.minutes,
    billable: row.billable === 1,
    notes: row.note,
  };
}

function crossingNote(reference: string, crossing: Awaited<ReturnType<typeof hourBankCrossingOf>>): string {
  const u = crossing.usage;
  const period = `${u.periodStart} – ${u.periodEnd ?? '…'}`;
  const used = `${formatMinutes(u.usedMinutes)} used of ${formatMinutes(u.availableMinutes)} (${period})`;
  if (crossing.exhausted) return `Hour bank of contract ${reference} exhausted: ${used}`;
  return `Hour bank of contract ${reference} reached its warning threshold (${u.warningPercent} %): ${used}`;
}
