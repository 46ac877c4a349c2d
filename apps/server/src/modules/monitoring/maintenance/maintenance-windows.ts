/**
 * A maintenance window as the engine and availability use it: its shape (for occurrences) and what it covers. A
 * window on a client covers all its checks, on a site the checks of the assets there, on an asset its checks, on a
 * check that check alone.
 */
import type { MAINTENANCE_SCOPES } from '@vigie/contracts';
import type { MaintenanceWindowRow } from '../../../db/schema-monitoring.js';
import type { WindowShape } from './maintenance-recurrence.js';

export type MaintenanceScope = (typeof MAINTENANCE_SCOPES)[number];

/** Where a check result sits: what a window may be scoped to. */
export interface MaintenanceRef {
  clientId: string;
  siteId: string | null;
  assetId: string;
  checkId: string;
}

export interface KnownWindow extends WindowShape {
  id: string;
  clientId: string;
  scope: MaintenanceScope;
  scopeId: string;
}

/** The stored row as the rules read it. */
export function knownWindow(row: MaintenanceWindowRow): KnownWindow {
  return {
    id: row.id,
    clientId: row.client_id,
    scope: row.scope as MaintenanceScope,
    scopeId: row.scope_id,
    startsAt: new Date(row.starts_at),
    durationMinutes: row.duration_minutes,
    rrule: row.rrule,
    timeZone: row.time_zone,
  };
}

/** Whether a window covers a check. */
export function covers(window: KnownWindow, ref: MaintenanceRef): boolean {
  if (window.clientId !== ref.clientId) return false;
  switch (window.scope) {
    case 'client':
      return true;
    case 'site':
      return window.scopeId === ref.siteId;
    case 'asset':
      return window.scopeId === ref.assetId;
    case 'check':
      return window.scopeId === ref.checkId;
  }
}
