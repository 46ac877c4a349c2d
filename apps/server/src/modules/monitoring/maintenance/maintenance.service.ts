import type { MaintenanceInput, MaintenancePatch, MaintenanceView } from '@vigie/contracts';
import { type Interval, isValidTimeZone } from '@vigie/domain';
import { type Ctx, clientScopeOf } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import { stripUndefined } from '../../../core/patch.js';
import type { Db } from '../../../db/connection.js';
import type { MaintenanceWindowRow } from '../../../db/schema-monitoring.js';
import type { AuditService } from '../../audit/audit.service.js';
import { assertCanReadMaintenance, assertCanWriteMaintenance, canReadMaintenance } from './maintenance.policy.js';
import {
  deleteWindow,
  findWindow,
  insertWindow,
  scopeNames,
  scopeTarget,
  updateWindow,
  windowsOf,
} from './maintenance.repository.js';
import { cachedOccurrences, MaintenanceCache } from './maintenance-cache.js';
import { mergeIntervals, occurrences, ruleProblem } from './maintenance-recurrence.js';
import {
  covers,
  type KnownWindow,
  knownWindow,
  type MaintenanceRef,
  type MaintenanceScope,
} from './maintenance-windows.js';

const DAY_MS = 86_400_000;
/** The calendar's default span, and the longest one asked at once. */
const DEFAULT_SPAN_MS = 35 * DAY_MS;
const MAX_SPAN_MS = 400 * DAY_MS;

/** A window's occurrence that ended: the engine raises what is still wrong on what it covered. */
export interface EndedWindow {
  windowId: string;
  clientId: string;
  scope: MaintenanceScope;
  scopeId: string;
  endedAt: Date;
}

const badRequest = (problems: FieldProblem[]) =>
  new AppError(400, 'validation', problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '), problems);

/** Maintenance windows: one-off or recurring (RRULE), per client, site, asset or check (DOMAIN §6). */
export class MaintenanceService {
  private readonly cache: MaintenanceCache;

  constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly audit: AuditService,
  ) {
    this.cache = new MaintenanceCache(
      async (through = db) => (await windowsOf(through, 'all')).map(knownWindow),
      clock,
    );
  }

  /** The calendar: windows with an occurrence in [from, to) (default: now → 35 days), of the clients one reaches. */
  async list(ctx: Ctx, query: { clientId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
    if (query.clientId) assertCanReadMaintenance(ctx.actor, query.clientId, 'Client');
    const { from, to } = this.period(query.from, query.to);
    const scope = query.clientId ? [query.clientId] : clientScopeOf(ctx.actor);
    const rows = (await windowsOf(this.db, scope)).filter((row) => canReadMaintenance(ctx.actor, row.client_id));
    const items = await this.present(rows, from, to);
    return { items: items.filter((view) => view.occurrences.length > 0) };
  }

  async create(ctx: Ctx, input: MaintenanceInput): Promise<MaintenanceView> {
    assertCanWriteMaintenance(ctx.actor, input.clientId, 'Client');
    const now = this.clock.now().toISOString();
    const row = await this.checked(input, { id: newId(), created_by: ctx.actor.userId, created_at: now });
    await this.db.transaction().execute(async (trx) => {
      await insertWindow(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'maintenance_window',
        objectId: row.id,
        clientId: row.client_id,
        after: audited(row),
      });
    });
    this.cache.invalidate();
    return this.view(row);
  }

  async update(ctx: Ctx, id: string, patch: MaintenancePatch): Promise<MaintenanceView> {
    const current = await this.found(ctx, id);
    assertCanWriteMaintenance(ctx.actor, current.client_id);
    const merged: MaintenanceInput = {
      clientId: current.client_id,
      scope: current.scope as MaintenanceScope,
      scopeId: current.scope_id,
      title: current.title,
      startsAt: current.starts_at,
      durationMinutes: current.duration_minutes,
      timeZone: current.time_zone,
      ...(current.rrule && { rrule: current.rrule }),
      ...stripUndefined({ ...patch, rrule: patch.rrule ?? undefined }),
    };
    if (patch.rrule === null) delete merged.rrule;
    const row = await this.checked(merged, current);
    await this.db.transaction().execute(async (trx) => {
      await updateWindow(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'maintenance_window',
        objectId: id,
        clientId: row.client_id,
        before: audited(current),
        after: audited(row),
      });
    });
    this.cache.invalidate();
    return this.view(row);
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    const current = await this.found(ctx, id);
    assertCanWriteMaintenance(ctx.actor, current.client_id);
    await this.db.transaction().execute(async (trx) => {
      await deleteWindow(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'maintenance_window',
        objectId: id,
        clientId: current.client_id,
        before: audited(current),
      });
    });
    this.cache.invalidate();
  }

  /**
   * The engine's question on each check result: the maintenance covering a check during [from, to), chained and
   * overlapping windows merged (feed it to `raiseInstant`). Answered from memory.
   */
  async coveringWindows(ref: MaintenanceRef, from: Date, to: Date, db?: Db): Promise<Interval[]> {
    const found: Interval[] = [];
    for (const cached of await this.cache.windowsOf(ref.clientId, db)) {
      if (covers(cached.window, ref)) found.push(...cachedOccurrences(cached, from, to));
    }
    return mergeIntervals(found);
  }

  /** The maintenance silencing a check at an instant (chained windows merged into one), or null. */
  async activeAt(ref: MaintenanceRef, at: Date, db?: Db): Promise<Interval | null> {
    // Look a day around the instant so that a chain of windows reads as one interval.
    const around = await this.coveringWindows(
      ref,
      new Date(at.getTime() - DAY_MS),
      new Date(at.getTime() + DAY_MS),
      db,
    );
    return around.find((w) => w.start <= at && at < w.end) ?? null;
  }

  /**
   * Occurrences that ended in (from, to], every client: the engine's pass raises the problems still present on what
   * they covered. A window followed at once by another covering the same check is reported too: the engine asks
   * `activeAt(ref, endedAt)` before raising.
   */
  async endedBetween(from: Date, to: Date): Promise<EndedWindow[]> {
    const ended: EndedWindow[] = [];
    for (const windows of (await this.cache.clients()).values()) {
      for (const cached of windows) {
        for (const o of cachedOccurrences(cached, from, to)) {
          if (o.end > from && o.end <= to) {
            const { id, clientId, scope, scopeId } = cached.window;
            ended.push({ windowId: id, clientId, scope, scopeId, endedAt: o.end });
          }
        }
      }
    }
    return ended.sort((a, b) => a.endedAt.getTime() - b.endedAt.getTime());
  }

  /** A client's windows, for availability (from memory). */
  async windowsOfClient(clientId: string): Promise<KnownWindow[]> {
    return (await this.cache.windowsOf(clientId)).map((cached) => cached.window);
  }

  private async found(ctx: Ctx, id: string): Promise<MaintenanceWindowRow> {
    const row = await findWindow(this.db, id);
    if (!row) throw notFound('Maintenance window');
    assertCanReadMaintenance(ctx.actor, row.client_id);
    return row;
  }

  /** The input checked against the register and the recurrence rules, as the row to store. */
  private async checked(
    input: MaintenanceInput,
    kept: Pick<MaintenanceWindowRow, 'id' | 'created_by' | 'created_at'>,
  ): Promise<MaintenanceWindowRow> {
    const problems: FieldProblem[] = [];
    const startsAt = new Date(input.startsAt);
    if (Number.isNaN(startsAt.getTime())) problems.push({ path: ['startsAt'], message: 'not an ISO 8601 instant' });
    if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
      problems.push({ path: ['timeZone'], message: `unknown time zone "${input.timeZone}"` });
    }
    if (problems.length > 0) throw badRequest(problems);
    const target = await scopeTarget(this.db, input.scope, input.scopeId);
    if (!target || target.client_id !== input.clientId) {
      throw invalidFields([{ path: ['scopeId'], message: `no such ${input.scope} at this client` }]);
    }
    const client = input.scope === 'client' ? target : await scopeTarget(this.db, 'client', input.clientId);
    const timeZone = input.timeZone ?? target.time_zone ?? client?.time_zone ?? 'UTC';
    const rrule = input.rrule ? input.rrule.replace(/^RRULE:/i, '').toUpperCase() : null;
    const problem = ruleProblem({ startsAt, durationMinutes: input.durationMinutes, rrule, timeZone });
    if (problem) throw badRequest([{ path: ['rrule'], message: problem }]);
    return {
      ...kept,
      client_id: input.clientId,
      scope: input.scope,
      scope_id: input.scopeId,
      title: input.title,
      starts_at: startsAt.toISOString(),
      duration_minutes: input.durationMinutes,
      rrule,
      time_zone: timeZone,
    };
  }

  /** [from, to) asked, checked: default now → 35 days, at most 400 days. */
  private period(fromText: string | undefined, toText: string | undefined) {
    const now = this.clock.now();
    const from = fromText ? new Date(fromText) : now;
    const to = toText ? new Date(toText) : new Date(from.getTime() + DEFAULT_SPAN_MS);
    const problems: FieldProblem[] = [];
    if (Number.isNaN(from.getTime())) problems.push({ path: ['querystring', 'from'], message: 'not an ISO instant' });
    if (Number.isNaN(to.getTime())) problems.push({ path: ['querystring', 'to'], message: 'not an ISO instant' });
    else if (to <= from) problems.push({ path: ['querystring', 'to'], message: 'must come after from' });
    else if (to.getTime() - from.getTime() > MAX_SPAN_MS) {
      problems.push({ path: ['querystring', 'to'], message: 'at most 400 days at once' });
    }
    if (problems.length > 0) throw badRequest(problems);
    return { from, to };
  }

  private async view(row: MaintenanceWindowRow): Promise<MaintenanceView> {
    const now = this.clock.now();
    const client = await scopeTarget(this.db, 'client', row.client_id);
    const [view] = await this.present(
      [{ ...row, client_name: client?.name ?? '' }],
      now,
      new Date(now.getTime() + DEFAULT_SPAN_MS),
    );
    return view as MaintenanceView;
  }

  private async present(rows: (MaintenanceWindowRow & { client_name: string })[], from: Date, to: Date) {
    const ids: Record<MaintenanceScope, string[]> = { client: [], site: [], asset: [], check: [] };
    for (const row of rows) ids[row.scope as MaintenanceScope].push(row.scope_id);
    const names = await scopeNames(this.db, ids);
    const now = this.clock.now();
    return rows.map((row): MaintenanceView => {
      const window = knownWindow(row);
      const current = occurrences(window, now, new Date(now.getTime() + 1));
      return {
        id: row.id,
        clientId: row.client_id,
        clientName: row.client_name,
        scope: window.scope,
        scopeId: row.scope_id,
        scopeName: names.get(row.scope_id) ?? '',
        title: row.title,
        startsAt: row.starts_at,
        durationMinutes: row.duration_minutes,
        rrule: row.rrule,
        timeZone: row.time_zone,
        occurrences: occurrences(window, from, to).map((o) => ({
          start: o.start.toISOString(),
          end: o.end.toISOString(),
        })),
        activeNow: current.length > 0,
      };
    });
  }
}

/** What the audit trail keeps of a window. */
function audited(row: MaintenanceWindowRow) {
  return {
    scope: row.scope,
    scopeId: row.scope_id,
    title: row.title,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    rrule: row.rrule,
    timeZone: row.time_zone,
  };
}
