import { type Asset, AssetInput, type AssetListQuery, type AssetPatch } from '@vigie/contracts';
import { type AssetType, validateAttributes } from '@vigie/domain';
import type { z } from 'zod';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { type FieldProblem, invalid, invalidRows, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { stripUndefined } from '../../core/patch.js';
import type { Db } from '../../db/connection.js';
import { fromJson } from '../../db/dialect.js';
import type { AssetRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ClientDirectory } from '../clients/client-directory.js';
import {
  assertCanCreateIn,
  assertCanRead,
  assertCanWrite,
  readScope,
  seesProviderNotes,
} from '../clients/register.policy.js';
import {
  assetNamesOf,
  deleteAsset,
  findAsset,
  insertAssets,
  listAssets,
  presentAsset,
  updateAsset,
} from './assets.repository.js';
import type { VendorService } from './vendors.service.js';

export type AssetValues = z.output<typeof AssetInput>;
type IndexedProblem = FieldProblem & { index: number };

/** The CMDB: each client's configuration items, typed and checked against the client's own sites and people. */
export class AssetService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly clients: ClientDirectory,
    private readonly vendors: VendorService,
  ) {}

  async list(ctx: Ctx, query: AssetListQuery) {
    const page = await listAssets(this.db, readScope(ctx.actor, 'asset'), query);
    return { ...page, items: page.items.map((a) => this.forViewer(ctx, a)) };
  }

  async get(ctx: Ctx, id: string): Promise<Asset> {
    const row = await findAsset(this.db, id);
    if (!row) throw notFound('Asset');
    assertCanRead(ctx.actor, 'asset', row.client_id);
    return this.forViewer(ctx, presentAsset(row));
  }

  /** The client an asset belongs to, after checking the actor may read it (relations and impact ask this). */
  async readableClientOf(ctx: Ctx, id: string): Promise<string> {
    return (await this.get(ctx, id)).clientId;
  }

  async create(ctx: Ctx, input: AssetValues): Promise<Asset> {
    const [id] = await this.createMany(ctx, input.clientId, [input]);
    return this.get(ctx, id as string);
  }

  /** All or nothing, one audit entry per asset; imports come through here. Answers the new ids in input order. */
  async createMany(ctx: Ctx, clientId: string, inputs: AssetValues[]): Promise<string[]> {
    assertCanCreateIn(ctx.actor, 'asset', clientId);
    if (!(await this.clients.exists(clientId)))
      throw invalid('unknown client', [{ path: ['clientId'], message: 'no such client' }]);
    const problems = await this.problemsOf(clientId, inputs);
    if (problems.length > 0) throw invalidRows(problems, inputs.length);
    const now = this.clock.now().toISOString();
    const rows = inputs.map((input) => toRow(newId(), clientId, input, now, now));
    await this.db.transaction().execute(async (trx) => {
      await insertAssets(trx, rows);
      for (const row of rows) {
        await this.audit.record(trx, ctx, {
          action: 'create',
          objectType: 'asset',
          objectId: row.id,
          clientId,
          after: auditView(row),
        });
      }
    });
    return rows.map((row) => row.id);
  }

  async update(ctx: Ctx, id: string, patch: z.output<typeof AssetPatch>): Promise<Asset> {
    const current = await findAsset(this.db, id);
    if (!current) throw notFound('Asset');
    assertCanWrite(ctx.actor, 'asset', current.client_id);
    const before = presentAsset(current);
    const merged = AssetInput.parse({ ...before, ...stripUndefined(patch), clientId: current.client_id });
    const problems = await this.problemsOf(current.client_id, [merged], current.name);
    if (problems.length > 0) throw invalidRows(problems, 1);
    const row = toRow(id, current.client_id, merged, current.created_at, this.clock.now().toISOString());
    await this.db.transaction().execute(async (trx) => {
      await updateAsset(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'asset',
        objectId: id,
        clientId: row.client_id,
        before: auditView(current),
        after: auditView(row),
      });
    });
    return this.get(ctx, id);
  }

  /** Removing an asset removes its relations with it. */
  async remove(ctx: Ctx, id: string): Promise<void> {
    const current = await findAsset(this.db, id);
    if (!current) throw notFound('Asset');
    assertCanWrite(ctx.actor, 'asset', current.client_id);
    await this.db.transaction().execute(async (trx) => {
      await deleteAsset(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'asset',
        objectId: id,
        clientId: current.client_id,
        before: auditView(current),
      });
    });
  }

  /** Problems of assets about to be written, each with the index of its input. */
  async problemsOf(
    clientId: string,
    inputs: AssetValues[],
    currentName: string | null = null,
  ): Promise<IndexedProblem[]> {
    const problems: IndexedProblem[] = [];
    const taken = await assetNamesOf(this.db, clientId);
    if (currentName) taken.delete(currentName.toLowerCase());
    const seen = new Set<string>();
    const siteClients = new Map<string, string | null>();
    const contactClients = new Map<string, string | null>();
    const vendorExists = new Map<string, boolean>();
    for (const [index, input] of inputs.entries()) {
      const name = input.name.toLowerCase();
      if (taken.has(name))
        problems.push({ index, path: ['name'], message: `the client already has an asset named ${input.name}` });
      else if (seen.has(name)) problems.push({ index, path: ['name'], message: `${input.name} appears twice` });
      seen.add(name);
      for (const p of validateAttributes(input.type as AssetType, input.attributes)) {
        problems.push({ index, path: ['attributes', p.key], message: p.message });
      }
      if (
        input.siteId &&
        (await known(siteClients, input.siteId, (id) => this.clients.clientOfSite(id))) !== clientId
      ) {
        problems.push({ index, path: ['siteId'], message: 'no such site at this client' });
      }
      const owner = input.ownerContactId;
      if (owner && (await known(contactClients, owner, (id) => this.clients.clientOfContact(id))) !== clientId) {
        problems.push({ index, path: ['ownerContactId'], message: 'no such contact at this client' });
      }
      if (input.vendorId && !(await known(vendorExists, input.vendorId, (id) => this.vendors.exists(id)))) {
        problems.push({ index, path: ['vendorId'], message: 'no such vendor' });
      }
    }
    return problems;
  }

  private forViewer(ctx: Ctx, asset: Asset): Asset {
    if (seesProviderNotes(ctx.actor)) return asset;
    const { notes: _hidden, ...visible } = asset;
    return visible;
  }
}

/** A lookup done once per distinct key over a batch of rows. */
async function known<T>(cache: Map<string, T>, key: string, load: (key: string) => Promise<T>): Promise<T> {
  if (!cache.has(key)) cache.set(key, await load(key));
  return cache.get(key) as T;
}

function auditView(row: AssetRow) {
  return {
    name: row.name,
    type: row.type,
    siteId: row.site_id,
    criticality: row.criticality,
    status: row.status,
    ownerContactId: row.owner_contact_id,
    vendorId: row.vendor_id,
    vendorContractRef: row.vendor_contract_ref,
    attributes: fromJson(row.attributes),
    notes: row.notes,
  };
}

function toRow(id: string, clientId: string, v: AssetValues, createdAt: string, updatedAt: string): AssetRow {
  return {
    id,
    client_id: clientId,
    site_id: v.siteId,
    name: v.name,
    type: v.type,
    criticality: v.criticality,
    status: v.status,
    owner_contact_id: v.ownerContactId,
    vendor_id: v.vendorId,
    vendor_contract_ref: v.vendorContractRef ?? null,
    attributes: v.attributes,
    notes: v.notes ?? null,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
