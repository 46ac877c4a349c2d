import type { AssetAvailability, AvailabilityView } from '@vigie/contracts';
import { currentMonth, isReportMonth, localDateOf, monthBounds, startOfLocalDate } from '@vigie/domain';
import type { Ctx } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { invalidFields, notFound } from '../../../core/errors.js';
import type { Db } from '../../../db/connection.js';
import { assertCanReadMaintenance } from '../maintenance/maintenance.policy.js';
import { windowsOf } from '../maintenance/maintenance.repository.js';
import type { MaintenanceService } from '../maintenance/maintenance.service.js';
import { type KnownWindow, knownWindow } from '../maintenance/maintenance-windows.js';
import { assetClient, clientZone } from './availability.repository.js';
import { type AvailabilityFigures, availabilityFigures } from './availability-figures.js';

/**
 * A client's availability over one month in its zone, with windows read from the database: what the monthly report
 * calls (it runs without the services, from the schedule too).
 */
export async function clientMonthAvailability(
  db: Db,
  client: { id: string; time_zone: string },
  month: string,
  now: Date,
): Promise<AvailabilityFigures> {
  const windows = (await windowsOf(db, [client.id])).map(knownWindow);
  return availabilityFigures(db, { clientId: client.id }, monthBounds(month, client.time_zone), now, windows);
}

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Availability per check and per asset, per day and per month, outside maintenance windows (DOMAIN §6). */
export class AvailabilityService {
  constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly maintenance: MaintenanceService,
  ) {}

  /** A client's month (default: the month in progress, to date), read by those who read its maintenance calendar. */
  async forClient(ctx: Ctx, clientId: string, month?: string): Promise<AvailabilityView> {
    assertCanReadMaintenance(ctx.actor, clientId, 'Client');
    const client = await clientZone(this.db, clientId);
    if (!client) throw notFound('Client');
    const now = this.clock.now();
    const chosen = month ?? currentMonth(now, client.time_zone);
    if (!isReportMonth(chosen) || chosen > currentMonth(now, client.time_zone)) {
      throw invalidFields([{ path: ['querystring', 'month'], message: 'a month written YYYY-MM that has begun' }]);
    }
    const bounds = monthBounds(chosen, client.time_zone);
    const windows = await this.maintenance.windowsOfClient(clientId);
    const figures = await availabilityFigures(this.db, { clientId }, bounds, now, windows);
    return {
      clientId,
      month: chosen,
      timeZone: client.time_zone,
      from: bounds.from.toISOString(),
      to: bounds.to.toISOString(),
      ...figures,
    };
  }

  /** One asset today and this month (the client's local day and month), for the asset page. */
  async forAsset(ctx: Ctx, assetId: string): Promise<AssetAvailability> {
    const asset = await assetClient(this.db, assetId);
    if (!asset) throw notFound('Asset');
    assertCanReadMaintenance(ctx.actor, asset.client_id, 'Asset');
    const now = this.clock.now();
    const windows: KnownWindow[] = await this.maintenance.windowsOfClient(asset.client_id);
    const month = monthBounds(currentMonth(now, asset.time_zone), asset.time_zone);
    const today = localDateOf(now, asset.time_zone);
    const day = {
      from: startOfLocalDate(today, asset.time_zone),
      to: startOfLocalDate(nextDate(today), asset.time_zone),
      days: [today],
    };
    const [monthFigures, dayFigures] = await Promise.all([
      availabilityFigures(this.db, { assetId }, month, now, windows),
      availabilityFigures(this.db, { assetId }, { ...day, dayStarts: [day.from, day.to] }, now, windows),
    ]);
    const pick = (figures: AvailabilityFigures, from: Date, to: Date) => {
      const row = figures.assets[0];
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        ratio: row?.ratio ?? null,
        downMinutes: row?.downMinutes ?? 0,
      };
    };
    return { assetId, day: pick(dayFigures, day.from, day.to), month: pick(monthFigures, month.from, month.to) };
  }
}
