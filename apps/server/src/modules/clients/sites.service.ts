import { type Site, SiteInput, type SitePatch } from '@vigie/contracts';
import { isValidTimeZone } from '@vigie/domain';
import type { z } from 'zod';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { stripUndefined } from '../../core/patch.js';
import type { Db } from '../../db/connection.js';
import type { SiteRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { clientExists } from './clients.repository.js';
import { assertCanCreateIn, assertCanRead, assertCanWrite } from './register.policy.js';
import {
  deleteSite,
  findSite,
  findSiteByName,
  insertSite,
  listSites,
  presentSite,
  siteIdsByName,
  siteUsage,
  updateSite,
} from './sites.repository.js';

type SiteValues = z.output<typeof SiteInput>;

export class SiteService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: Ctx, clientId: string, query: { cursor?: string | undefined; limit: number }) {
    assertCanRead(ctx.actor, 'site', clientId);
    if (!(await clientExists(this.db, clientId))) throw notFound('Client');
    return listSites(this.db, clientId, query);
  }

  /** Site ids by lower-cased name, for imports that name sites. */
  idsByName(clientId: string): Promise<Map<string, string>> {
    return siteIdsByName(this.db, clientId);
  }

  async get(ctx: Ctx, id: string): Promise<Site> {
    const row = await findSite(this.db, id);
    if (!row) throw notFound('Site');
    assertCanRead(ctx.actor, 'site', row.client_id);
    return presentSite(row);
  }

  async create(ctx: Ctx, clientId: string, input: SiteValues): Promise<Site> {
    assertCanCreateIn(ctx.actor, 'site', clientId);
    if (!(await clientExists(this.db, clientId))) throw notFound('Client');
    await this.check(clientId, input, null);
    const now = this.clock.now().toISOString();
    const row = toRow(newId(), clientId, input, now, now);
    const site = presentSite(row);
    await this.db.transaction().execute(async (trx) => {
      await insertSite(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'site',
        objectId: row.id,
        clientId,
        after: site,
      });
    });
    return site;
  }

  async update(ctx: Ctx, id: string, patch: z.output<typeof SitePatch>): Promise<Site> {
    const current = await findSite(this.db, id);
    if (!current) throw notFound('Site');
    assertCanWrite(ctx.actor, 'site', current.client_id);
    const before = presentSite(current);
    const merged = SiteInput.parse({ ...before, ...stripUndefined(patch) });
    await this.check(current.client_id, merged, id);
    const row = toRow(id, current.client_id, merged, current.created_at, this.clock.now().toISOString());
    const after = presentSite(row);
    await this.db.transaction().execute(async (trx) => {
      await updateSite(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'site',
        objectId: id,
        clientId: row.client_id,
        before,
        after,
      });
    });
    return after;
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    const current = await findSite(this.db, id);
    if (!current) throw notFound('Site');
    assertCanWrite(ctx.actor, 'site', current.client_id);
    const usage = await siteUsage(this.db, id);
    if (usage.assets + usage.contacts > 0) {
      throw conflict(
        `The site still holds ${usage.assets} assets and ${usage.contacts} contacts; move them first`,
        usage,
      );
    }
    await this.db.transaction().execute(async (trx) => {
      await deleteSite(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'site',
        objectId: id,
        clientId: current.client_id,
        before: presentSite(current),
      });
    });
  }

  private async check(clientId: string, input: SiteValues, selfId: string | null): Promise<void> {
    if (input.timeZone && !isValidTimeZone(input.timeZone)) {
      throw invalid(`unknown time zone "${input.timeZone}"`, [{ path: ['timeZone'], message: 'unknown time zone' }]);
    }
    const sameName = await findSiteByName(this.db, clientId, input.name);
    if (sameName && sameName.id !== selfId) throw conflict(`The client already has a site named ${input.name}`);
  }
}

function toRow(id: string, clientId: string, v: SiteValues, createdAt: string, updatedAt: string): SiteRow {
  return {
    id,
    client_id: clientId,
    name: v.name,
    address: v.address,
    phone: v.phone ?? null,
    time_zone: v.timeZone ?? null,
    access_notes: v.accessNotes ?? null,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
