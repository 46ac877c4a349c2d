/**
 * Availability per check and per asset over a period cut into local days (DOMAIN §6): each check's timeline from its
 * counted changes, maintenance windows excluded, nothing counted past `now` (the month in progress is figured to
 * date). The month's figure is computed over the whole period, not averaged from the days, so a day with little
 * known time weighs what it lasted.
 */
import type { AvailabilityView } from '@vigie/contracts';
import { type Availability, availability, type Interval } from '@vigie/domain';
import type { Db } from '../../../db/connection.js';
import { mergeIntervals, occurrences } from '../maintenance/maintenance-recurrence.js';
import { covers, type KnownWindow, type MaintenanceRef } from '../maintenance/maintenance-windows.js';
import {
  type CheckFilter,
  type CheckInfo,
  changesBetween,
  checksFor,
  statesBefore,
} from './availability.repository.js';
import { combineTimelines, stateOfStatus, type Timeline } from './availability-timeline.js';

/** A period and its local days: day i is [dayStarts[i], dayStarts[i + 1]); the last entry is `to`. */
export interface Period {
  from: Date;
  to: Date;
  days: string[];
  dayStarts: Date[];
}

type Row = AvailabilityView['assets'][number]['checks'][number];
export type AssetFigures = AvailabilityView['assets'][number];

export interface AvailabilityFigures {
  assets: AssetFigures[];
  days: AvailabilityView['days'];
}

const minutes = (ms: number) => Math.round(ms / 6000) / 10;

/** Worst first, then by name; no data last. */
function worstFirst(a: Row, b: Row): number {
  if (a.ratio === null || b.ratio === null) {
    if (a.ratio !== b.ratio) return a.ratio === null ? 1 : -1;
  } else if (a.ratio !== b.ratio) return a.ratio - b.ratio;
  return a.name.localeCompare(b.name);
}

/** The figures of the checks the filter selects, with the client's windows. */
export async function availabilityFigures(
  db: Db,
  filter: CheckFilter,
  period: Period,
  now: Date,
  windows: readonly KnownWindow[],
): Promise<AvailabilityFigures> {
  const from = period.from.toISOString();
  const end = new Date(Math.min(period.to.getTime(), now.getTime()));
  const [checks, before, changes] = await Promise.all([
    checksFor(db, filter),
    statesBefore(db, filter, from),
    end > period.from ? changesBetween(db, filter, from, end.toISOString()) : Promise.resolve([]),
  ]);
  const timelines = new Map<string, Timeline>();
  for (const check of checks) timelines.set(check.id, { initial: 'unknown', changes: [] });
  for (const row of before) {
    const timeline = timelines.get(row.check_id);
    if (timeline) timeline.initial = stateOfStatus(row.status);
  }
  for (const row of changes) {
    timelines.get(row.check_id)?.changes.push({ at: new Date(row.at), state: stateOfStatus(row.status) });
  }

  const maintenanceOf = (accept: (w: KnownWindow) => boolean): Interval[] =>
    mergeIntervals(windows.filter(accept).flatMap((w) => occurrences(w, period.from, period.to)));
  const measure = (timeline: Timeline, maintenance: Interval[]) => {
    const over = (start: Date, stop: Date): Availability =>
      stop <= start
        ? { ratio: null, upMs: 0, downMs: 0 }
        : availability({ start, end: stop }, timeline.initial, timeline.changes, maintenance);
    const month = over(period.from, end);
    const days = period.days.map((date, i) => {
      const start = period.dayStarts[i] as Date;
      const stop = new Date(Math.min((period.dayStarts[i + 1] as Date).getTime(), end.getTime()));
      return { date, figures: over(start, stop) };
    });
    return { month, days };
  };
  const row = (id: string, name: string, measured: ReturnType<typeof measure>): Row => ({
    id,
    name,
    ratio: measured.month.ratio,
    downMinutes: minutes(measured.month.downMs),
    days: measured.days.map((d) => ({ date: d.date, ratio: d.figures.ratio })),
  });

  const byAsset = new Map<string, CheckInfo[]>();
  for (const check of checks) byAsset.set(check.asset_id, [...(byAsset.get(check.asset_id) ?? []), check]);
  const dayTotals = period.days.map(() => ({ up: 0, down: 0 }));
  const assets: AssetFigures[] = [];
  for (const assetChecks of byAsset.values()) {
    const first = assetChecks[0] as CheckInfo;
    const ref = (check: CheckInfo): MaintenanceRef => ({
      clientId: check.client_id,
      siteId: check.site_id,
      assetId: check.asset_id,
      checkId: check.id,
    });
    const checkRows = assetChecks.map((check) =>
      row(
        check.id,
        check.name,
        measure(
          timelines.get(check.id) as Timeline,
          maintenanceOf((w) => covers(w, ref(check))),
        ),
      ),
    );
    const hosts = assetChecks.filter((c) => c.host_check === 1);
    const sources = hosts.length > 0 ? hosts : assetChecks;
    const combined = combineTimelines(
      sources.map((c) => timelines.get(c.id) as Timeline),
      hosts.length > 0 ? 'anyUp' : 'anyDown',
    );
    // The asset's own windows (client, site, asset), and a check's when the figure is that one check's.
    const only = sources.length === 1 ? (sources[0] as CheckInfo) : null;
    const assetMaintenance = maintenanceOf(
      (w) => covers(w, { ...ref(first), checkId: only?.id ?? '' }) && (w.scope !== 'check' || only !== null),
    );
    const measured = measure(combined, assetMaintenance);
    measured.days.forEach((d, i) => {
      const total = dayTotals[i] as { up: number; down: number };
      total.up += d.figures.upMs;
      total.down += d.figures.downMs;
    });
    assets.push({ ...row(first.asset_id, first.asset_name, measured), checks: checkRows.sort(worstFirst) });
  }
  return {
    assets: assets.sort(worstFirst),
    days: period.days.map((date, i) => {
      const total = dayTotals[i] as { up: number; down: number };
      return { date, ratio: total.up + total.down === 0 ? null : total.up / (total.up + total.down) };
    }),
  };
}
