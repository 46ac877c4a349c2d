/** How the provider sets up its desk: ticket categories, the priority matrix, what SLA milestones set off. */
import type { SlaActions, TicketCategory, TicketCategoryInput, TicketCategoryPatch } from '@vigie/contracts';
import { type Priority, SCOPE_DOMAINS, type ScopeDomain, validatePriorityMatrix } from '@vigie/domain';
import type { z } from 'zod';
import { type Ctx, isProviderManager, isStaff } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { conflict, type FieldProblem, forbidden, invalid, invalidFields, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { stripUndefined } from '../../core/patch.js';
import type { Db } from '../../db/connection.js';
import type { TicketCategoryRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { SLA_ACTIONS_KEY, slaActions } from './sla-milestones.js';
import { categoryRow, teamExists } from './ticket-lookups.repository.js';
import { PRIORITY_MATRIX_KEY, priorityMatrix } from './ticket-qualification.js';
import {
  categoryInUse,
  deleteCategory,
  findCategoryByName,
  insertCategory,
  listCategories,
  saveSetting,
  updateCategory,
} from './ticket-setup.repository.js';

function presentCategory(row: TicketCategoryRow): TicketCategory {
  return {
    id: row.id,
    name: row.name,
    scopeDomain: row.scope_domain,
    defaultTeamId: row.default_team_id,
    active: row.active === 1,
  };
}

function assertManager(ctx: Ctx): void {
  if (!isProviderManager(ctx.actor)) throw forbidden('Only managers and admins set up the desk');
}

export class TicketSetupService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Categories are the provider's; client people see active ones to file their tickets (name only matters). */
  async categories(ctx: Ctx): Promise<{ items: TicketCategory[] }> {
    const rows = await listCategories(this.db);
    const visible = isStaff(ctx.actor) ? rows : rows.filter((r) => r.active === 1);
    return { items: visible.map(presentCategory) };
  }

  async createCategory(ctx: Ctx, input: z.output<typeof TicketCategoryInput>): Promise<TicketCategory> {
    assertManager(ctx);
    await this.checkCategory(input, null);
    const at = this.clock.now().toISOString();
    const row: TicketCategoryRow = {
      id: newId(),
      name: input.name,
      scope_domain: input.scopeDomain ?? null,
      default_team_id: input.defaultTeamId ?? null,
      active: input.active ? 1 : 0,
      created_at: at,
      updated_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await insertCategory(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'ticket_category',
        objectId: row.id,
        clientId: null,
        after: presentCategory(row),
      });
    });
    return presentCategory(row);
  }

  async updateCategory(ctx: Ctx, id: string, patch: z.output<typeof TicketCategoryPatch>): Promise<TicketCategory> {
    assertManager(ctx);
    const current = await categoryRow(this.db, id);
    if (!current) throw notFound('Category');
    const before = presentCategory(current);
    const merged = { ...before, ...stripUndefined(patch) };
    await this.checkCategory(merged, id);
    const row: TicketCategoryRow = {
      ...current,
      name: merged.name,
      scope_domain: merged.scopeDomain ?? null,
      default_team_id: merged.defaultTeamId ?? null,
      active: merged.active ? 1 : 0,
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await updateCategory(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'ticket_category',
        objectId: id,
        clientId: null,
        before,
        after: presentCategory(row),
      });
    });
    return presentCategory(row);
  }

  /** A category some ticket uses is deactivated instead, so that history keeps its name. */
  async deleteCategory(ctx: Ctx, id: string): Promise<void> {
    assertManager(ctx);
    const current = await categoryRow(this.db, id);
    if (!current) throw notFound('Category');
    if (await categoryInUse(this.db, id)) {
      throw conflict('Tickets use this category: deactivate it instead of deleting it');
    }
    await this.db.transaction().execute(async (trx) => {
      await deleteCategory(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'ticket_category',
        objectId: id,
        clientId: null,
        before: presentCategory(current),
      });
    });
  }

  private async checkCategory(
    v: { name: string; scopeDomain?: string | null; defaultTeamId?: string | null },
    selfId: string | null,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    if (v.scopeDomain && !SCOPE_DOMAINS.includes(v.scopeDomain as ScopeDomain)) {
      problems.push({ path: ['scopeDomain'], message: `one of ${SCOPE_DOMAINS.join(', ')}` });
    }
    if (v.defaultTeamId && !(await teamExists(this.db, v.defaultTeamId))) {
      problems.push({ path: ['defaultTeamId'], message: 'no such team' });
    }
    if (problems.length > 0) throw invalid(problems.map((p) => `${p.path[0]}: ${p.message}`).join('; '), problems);
    const same = await findCategoryByName(this.db, v.name);
    if (same && same.id !== selfId) throw conflict(`A category named ${v.name} already exists`);
  }

  async priorityMatrix(): Promise<{ matrix: Priority[][] }> {
    return { matrix: (await priorityMatrix(this.db)).map((row) => [...row]) };
  }

  async setPriorityMatrix(ctx: Ctx, matrix: Priority[][]): Promise<{ matrix: Priority[][] }> {
    assertManager(ctx);
    const problems = validatePriorityMatrix(matrix);
    if (problems.length > 0) {
      throw invalidFields(problems.map((p) => ({ path: ['matrix', ...p.path], message: p.message })));
    }
    const before = await this.priorityMatrix();
    await this.db.transaction().execute(async (trx) => {
      await saveSetting(trx, PRIORITY_MATRIX_KEY, matrix, this.clock.now().toISOString());
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'priority_matrix',
        objectId: null,
        clientId: null,
        before,
        after: { matrix },
      });
    });
    return { matrix };
  }

  async slaActions(ctx: Ctx): Promise<SlaActions> {
    if (!isStaff(ctx.actor)) throw forbidden('SLA actions are the provider’s');
    return slaActions(this.db);
  }

  async setSlaActions(ctx: Ctx, actions: SlaActions): Promise<SlaActions> {
    assertManager(ctx);
    const problems: FieldProblem[] = [];
    for (const key of ['warning', 'breach', 'olaBreach'] as const) {
      for (const [index, action] of actions[key].entries()) {
        if (action.type === 'reassign' && !(await teamExists(this.db, action.teamId))) {
          problems.push({ path: [key, index, 'teamId'], message: 'no such team' });
        }
      }
    }
    if (problems.length > 0) throw invalidFields(problems);
    const before = await slaActions(this.db);
    await this.db.transaction().execute(async (trx) => {
      await saveSetting(trx, SLA_ACTIONS_KEY, actions, this.clock.now().toISOString());
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'sla_actions',
        objectId: null,
        clientId: null,
        before,
        after: actions,
      });
    });
    return actions;
  }
}
