import type { AssetMonitoring } from '@vigie/contracts';
import type { Ctx } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import { fromJson } from '../../db/dialect.js';
import { findAgentOfAsset } from './agent/agents.repository.js';
import type { AgentService } from './agent/agents.service.js';
import { inventoryOf, updateCounts } from './agent/inventory.repository.js';
import type { AlertService } from './alerts/alerts.service.js';
import type { AvailabilityService } from './availability/availability.service.js';
import type { CheckService } from './checks/checks.service.js';
import type { MetricService } from './metrics/metric.service.js';
import { assertCanReadMonitoring } from './monitoring.policy.js';
import { assetForMonitoring } from './monitoring-lookups.repository.js';

/** Everything the asset page's Monitoring tab shows, in one answer. */
export class AssetMonitoringService {
  constructor(
    private readonly db: Db,
    private readonly parts: {
      agents: AgentService;
      checks: CheckService;
      alerts: AlertService;
      metrics: MetricService;
      availability: AvailabilityService;
    },
  ) {}

  async get(ctx: Ctx, assetId: string): Promise<AssetMonitoring> {
    const asset = await assetForMonitoring(this.db, assetId);
    if (!asset) throw notFound('Asset');
    assertCanReadMonitoring(ctx.actor, asset.client_id, 'Asset');
    const { agents, checks, alerts, metrics, availability } = this.parts;
    const agent = await findAgentOfAsset(this.db, assetId);
    const [checkPage, alertPage, inventory, series, figures] = await Promise.all([
      checks.list(ctx, { assetId, limit: 200 }),
      alerts.list(ctx, { assetId, status: 'open', limit: 50 }),
      inventoryOf(this.db, assetId),
      metrics.seriesNames(ctx, assetId),
      availability.forAsset(ctx, assetId),
    ]);
    const services = inventory ? fromJson<{ name: string; active: string }[]>(inventory.services) : [];
    return {
      assetId,
      agent: agent ? await agents.get(ctx, agent.id) : null,
      checks: checkPage.items,
      openAlerts: alertPage.items,
      inventory: inventory
        ? {
            collectedAt: inventory.collected_at,
            os: fromJson<Record<string, unknown>>(inventory.os),
            hardware: fromJson<Record<string, unknown>>(inventory.hardware),
            packageCount: inventory.package_count,
            updates: await updateCounts(this.db, assetId),
            failedServices: services.filter((s) => s.active === 'failed').map((s) => s.name),
          }
        : null,
      series,
      availability: { day: figures.day.ratio, month: figures.month.ratio },
    };
  }
}
