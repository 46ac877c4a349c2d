import type { AuditListQuery } from '@vigie/contracts';
import { type Ctx, clientScopeOf, isProviderManager, isStaff } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { forbidden } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import { insertAuditEvent, listAuditEvents } from './audit.repository.js';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | null;
  clientId: string | null;
  before?: object | null;
  after?: object | null;
}

/** Fields only the provider sees (internal notes), removed from the trail shown to client people. */
const PROVIDER_FIELDS = ['notes'];

function withoutProviderFields(fields: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!fields) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !PROVIDER_FIELDS.includes(key)));
}

/** Absent and null mean the same to a person reading the trail: compare without null-valued keys. */
function comparable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, inner]) => inner !== null && inner !== undefined))
      : v,
  );
}

/** Keeps only what changed, so an update's entry reads as a diff. */
export function changedFields(
  before: object,
  after: object,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  keys.delete('updatedAt');
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of keys) {
    if (comparable(b[key] ?? null) !== comparable(a[key] ?? null)) {
      changedBefore[key] = b[key] ?? null;
      changedAfter[key] = a[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
}

/** The audit trail: written inside the caller's transaction so a change and its record stand or fall together. */
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async record(trx: Db, ctx: Ctx, entry: AuditEntry): Promise<void> {
    let before = (entry.before ?? null) as Record<string, unknown> | null;
    let after = (entry.after ?? null) as Record<string, unknown> | null;
    if (before && after) ({ before, after } = changedFields(before, after));
    await insertAuditEvent(trx, {
      id: newId(),
      at: this.clock.now().toISOString(),
      actor_id: ctx.actor.userId,
      actor_name: ctx.actor.name,
      client_id: entry.clientId,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      before,
      after,
      request_id: ctx.requestId,
    });
  }

  /** Admins and managers browse everything; a client manager sees their own client's trail only. */
  async list(ctx: Ctx, query: AuditListQuery) {
    const role = ctx.actor.role;
    if (!isProviderManager(ctx.actor) && role !== 'client_manager') throw forbidden('The audit trail is for managers');
    const page = await listAuditEvents(this.db, clientScopeOf(ctx.actor), query);
    if (isStaff(ctx.actor)) return page;
    return {
      ...page,
      items: page.items.map((event) => ({
        ...event,
        before: withoutProviderFields(event.before),
        after: withoutProviderFields(event.after),
      })),
    };
  }
}
