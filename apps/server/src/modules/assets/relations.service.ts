import type { AssetImpact, AssetRelation } from '@vigie/contracts';
import { type AssetRelationEdge, createsHostingCycle, impactOf } from '@vigie/domain';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { AuditService } from '../audit/audit.service.js';
import { assertCanWrite } from '../clients/register.policy.js';
import type { AssetService } from './assets.service.js';
import {
  deleteRelation,
  edgesOfClient,
  findEdge,
  findRelation,
  insertRelation,
  presentSummary,
  relationsOfAsset,
  summariesOf,
} from './relations.repository.js';

/** Relations between a client's assets and the impact walk over them. */
export class RelationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly assets: AssetService,
  ) {}

  async ofAsset(ctx: Ctx, assetId: string): Promise<AssetRelation[]> {
    await this.assets.readableClientOf(ctx, assetId);
    return relationsOfAsset(this.db, assetId);
  }

  /** Both ends must be assets of the same client; a hosting loop (VM running on itself) is refused. */
  async create(ctx: Ctx, edge: AssetRelationEdge): Promise<AssetRelation> {
    const sourceClient = await this.assets.readableClientOf(ctx, edge.sourceId);
    const targetClient = await this.assets.readableClientOf(ctx, edge.targetId).catch(() => {
      throw invalid('unknown target asset', [{ path: ['targetId'], message: 'no such asset' }]);
    });
    assertCanWrite(ctx.actor, 'asset', sourceClient);
    if (sourceClient !== targetClient) {
      throw invalid('both assets must belong to the same client', [
        { path: ['targetId'], message: 'asset of another client' },
      ]);
    }
    if (edge.sourceId === edge.targetId) {
      throw invalid('an asset cannot relate to itself', [{ path: ['targetId'], message: 'same as the source' }]);
    }
    if (await findEdge(this.db, edge)) throw conflict('This relation already exists');
    if (createsHostingCycle(edge, await edgesOfClient(this.db, sourceClient))) {
      throw invalid('this would make an asset run on itself', [{ path: ['targetId'], message: 'hosting loop' }]);
    }
    const row = {
      id: newId(),
      client_id: sourceClient,
      source_id: edge.sourceId,
      kind: edge.kind,
      target_id: edge.targetId,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await insertRelation(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'asset_relation',
        objectId: row.id,
        clientId: sourceClient,
        after: edge,
      });
    });
    const created = (await relationsOfAsset(this.db, edge.sourceId)).find((r) => r.id === row.id);
    if (!created) throw notFound('Relation');
    return created;
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    const row = await findRelation(this.db, id);
    if (!row) throw notFound('Relation');
    assertCanWrite(ctx.actor, 'asset', row.client_id);
    await this.db.transaction().execute(async (trx) => {
      await deleteRelation(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'asset_relation',
        objectId: id,
        clientId: row.client_id,
        before: { sourceId: row.source_id, kind: row.kind, targetId: row.target_id },
      });
    });
  }

  /** Everything that stops or loses protection when this asset fails, nearest first. */
  async impact(ctx: Ctx, assetId: string): Promise<AssetImpact> {
    const clientId = await this.assets.readableClientOf(ctx, assetId);
    const impacted = impactOf(assetId, await edgesOfClient(this.db, clientId));
    const summaries = await summariesOf(this.db, [assetId, ...impacted.map((i) => i.assetId)]);
    const summaryOf = (id: string) => {
      const row = summaries.get(id);
      if (!row) throw notFound('Asset');
      return presentSummary(row);
    };
    return {
      asset: summaryOf(assetId),
      impacted: impacted.map((i) => ({
        asset: summaryOf(i.assetId),
        depth: i.depth,
        via: i.via,
        throughId: i.throughId,
      })),
    };
  }
}
