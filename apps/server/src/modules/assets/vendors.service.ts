import { type Vendor, VendorInput, type VendorPatch } from '@vigie/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { conflict, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { stripUndefined } from '../../core/patch.js';
import type { Db } from '../../db/connection.js';
import type { VendorRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { assertCanUseVendors } from '../clients/register.policy.js';
import {
  findVendor,
  findVendorByName,
  insertVendor,
  listVendors,
  presentVendor,
  updateVendor,
  vendorIdsByName,
} from './vendors.repository.js';

type VendorValues = z.output<typeof VendorInput>;

/** Vendors and editors with their support contacts, shared by all clients' assets. */
export class VendorService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  list(ctx: Ctx, query: Parameters<typeof listVendors>[1]) {
    assertCanUseVendors(ctx.actor);
    return listVendors(this.db, query);
  }

  async get(ctx: Ctx, id: string): Promise<Vendor> {
    assertCanUseVendors(ctx.actor);
    const row = await findVendor(this.db, id);
    if (!row) throw notFound('Vendor');
    return presentVendor(row);
  }

  /** Vendor ids by lower-cased name, for imports that name vendors. */
  idsByName(): Promise<Map<string, string>> {
    return vendorIdsByName(this.db);
  }

  async exists(id: string): Promise<boolean> {
    return (await findVendor(this.db, id)) !== undefined;
  }

  async create(ctx: Ctx, input: VendorValues): Promise<Vendor> {
    assertCanUseVendors(ctx.actor);
    if (await findVendorByName(this.db, input.name)) throw conflict(`A vendor named ${input.name} already exists`);
    const now = this.clock.now().toISOString();
    const row = toRow(newId(), input, now, now);
    const vendor = presentVendor(row);
    await this.db.transaction().execute(async (trx) => {
      await insertVendor(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'vendor',
        objectId: row.id,
        clientId: null,
        after: vendor,
      });
    });
    return vendor;
  }

  async update(ctx: Ctx, id: string, patch: z.output<typeof VendorPatch>): Promise<Vendor> {
    assertCanUseVendors(ctx.actor);
    const current = await findVendor(this.db, id);
    if (!current) throw notFound('Vendor');
    const before = presentVendor(current);
    const merged = VendorInput.parse({ ...before, ...stripUndefined(patch) });
    const sameName = await findVendorByName(this.db, merged.name);
    if (sameName && sameName.id !== id) throw conflict(`A vendor named ${merged.name} already exists`);
    const row = toRow(id, merged, current.created_at, this.clock.now().toISOString());
    const after = presentVendor(row);
    await this.db.transaction().execute(async (trx) => {
      await updateVendor(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'vendor',
        objectId: id,
        clientId: null,
        before,
        after,
      });
    });
    return after;
  }
}

function toRow(id: string, v: VendorValues, createdAt: string, updatedAt: string): VendorRow {
  return {
    id,
    name: v.name,
    website: v.website ?? null,
    support_phone: v.supportPhone ?? null,
    support_email: v.supportEmail ?? null,
    support_url: v.supportUrl ?? null,
    notes: v.notes ?? null,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
