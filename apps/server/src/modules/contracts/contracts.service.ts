import { type Contract, ContractInput, type ContractPatch } from '@vigie/contracts';
import {
  type BusinessCalendar,
  defaultCalendar,
  defaultSlaPolicy,
  type SlaPolicy,
  validateCalendar,
  validateSlaPolicy,
} from '@vigie/domain';
import type { z } from 'zod';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { conflict, type FieldProblem, invalidFields, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { stripUndefined } from '../../core/patch.js';
import type { Db } from '../../db/connection.js';
import type { ContractRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ClientDirectory } from '../clients/client-directory.js';
import { assertCanCreateIn, assertCanRead, assertCanWrite, seesProviderNotes } from '../clients/register.policy.js';
import {
  deleteContract,
  findContract,
  findContractIdByReference,
  insertContract,
  listContracts,
  presentContract,
  updateContract,
} from './contracts.repository.js';

type ContractValues = z.output<typeof ContractInput>;

/** Contracts state what the provider owes a client: scope, levels, SLA targets and the calendar they count in. */
export class ContractService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly clients: ClientDirectory,
  ) {}

  async list(ctx: Ctx, clientId: string, query: { cursor?: string | undefined; limit: number }) {
    assertCanRead(ctx.actor, 'contract', clientId);
    if (!(await this.clients.exists(clientId))) throw notFound('Client');
    const page = await listContracts(this.db, clientId, query);
    return { ...page, items: page.items.map((c) => this.forViewer(ctx, c)) };
  }

  async get(ctx: Ctx, id: string): Promise<Contract> {
    const row = await findContract(this.db, id);
    if (!row) throw notFound('Contract');
    assertCanRead(ctx.actor, 'contract', row.client_id);
    return this.forViewer(ctx, presentContract(row));
  }

  async create(ctx: Ctx, clientId: string, input: ContractValues): Promise<Contract> {
    assertCanCreateIn(ctx.actor, 'contract', clientId);
    if (!(await this.clients.exists(clientId))) throw notFound('Client');
    const values = withDefaults(input);
    await this.check(values, null);
    const now = this.clock.now().toISOString();
    const row = toRow(newId(), clientId, values, now, now);
    const contract = presentContract(row);
    await this.db.transaction().execute(async (trx) => {
      await insertContract(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'contract',
        objectId: row.id,
        clientId,
        after: contract,
      });
    });
    return contract;
  }

  async update(ctx: Ctx, id: string, patch: z.output<typeof ContractPatch>): Promise<Contract> {
    const current = await findContract(this.db, id);
    if (!current) throw notFound('Contract');
    assertCanWrite(ctx.actor, 'contract', current.client_id);
    const before = presentContract(current);
    const values = withDefaults(ContractInput.parse({ ...before, ...stripUndefined(patch) }));
    await this.check(values, id);
    const row = toRow(id, current.client_id, values, current.created_at, this.clock.now().toISOString());
    const after = presentContract(row);
    await this.db.transaction().execute(async (trx) => {
      await updateContract(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'contract',
        objectId: id,
        clientId: row.client_id,
        before,
        after,
      });
    });
    return after;
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    const current = await findContract(this.db, id);
    if (!current) throw notFound('Contract');
    assertCanWrite(ctx.actor, 'contract', current.client_id);
    await this.db.transaction().execute(async (trx) => {
      await deleteContract(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'contract',
        objectId: id,
        clientId: current.client_id,
        before: presentContract(current),
      });
    });
  }

  private forViewer(ctx: Ctx, contract: Contract): Contract {
    if (seesProviderNotes(ctx.actor)) return contract;
    const { notes: _hidden, ...visible } = contract;
    return visible;
  }

  /** Every rule problem at once: calendar, SLA targets, dates, duplicate levels, reference in use. */
  private async check(v: ReturnType<typeof withDefaults>, selfId: string | null): Promise<void> {
    const problems: FieldProblem[] = [
      ...validateCalendar(v.calendar as BusinessCalendar).map((p) => ({ ...p, path: ['calendar', ...p.path] })),
      ...validateSlaPolicy(v.slaPolicy as SlaPolicy).map((p) => ({ ...p, path: ['slaPolicy', ...p.path] })),
    ];
    if (v.endsOn && v.endsOn < v.startsOn)
      problems.push({ path: ['endsOn'], message: 'the contract ends before it starts' });
    if (new Set(v.supportLevels).size !== v.supportLevels.length)
      problems.push({ path: ['supportLevels'], message: 'a level is listed twice' });
    if (new Set(v.scopeDomains).size !== v.scopeDomains.length)
      problems.push({ path: ['scopeDomains'], message: 'a domain is listed twice' });
    if (problems.length > 0) throw invalidFields(problems);
    const owner = await findContractIdByReference(this.db, v.reference);
    if (owner && owner !== selfId) throw conflict(`Contract reference ${v.reference} is already used`);
  }
}

/** A contract without a calendar or policy gets the standard ones, which the provider then edits. */
function withDefaults(input: ContractValues) {
  return {
    ...input,
    calendar: input.calendar
      ? { ...input.calendar, weekly: input.calendar.weekly ?? defaultCalendar().weekly }
      : defaultCalendar(),
    slaPolicy: input.slaPolicy ?? defaultSlaPolicy(),
  };
}

function toRow(
  id: string,
  clientId: string,
  v: ReturnType<typeof withDefaults>,
  createdAt: string,
  updatedAt: string,
): ContractRow {
  return {
    id,
    client_id: clientId,
    reference: v.reference,
    name: v.name,
    kind: v.kind,
    delivery: v.delivery,
    scope_domains: v.scopeDomains,
    support_levels: [...v.supportLevels].sort(),
    sla_policy: v.slaPolicy,
    calendar: v.calendar,
    hour_bank: v.hourBank,
    starts_on: v.startsOn,
    ends_on: v.endsOn,
    auto_renew: v.autoRenew ? 1 : 0,
    renewal_notice_days: v.renewalNoticeDays,
    status: v.status,
    notes: v.notes ?? null,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
