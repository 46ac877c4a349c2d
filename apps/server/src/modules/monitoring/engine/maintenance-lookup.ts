import type { Interval } from '@vigie/domain';

/** What a maintenance window can cover: a check is in maintenance when its client, site, asset or itself is. */
export interface MaintenanceRef {
  clientId: string;
  siteId: string | null;
  assetId: string;
  checkId: string;
}

/** The maintenance calendar as the engine asks it: the window (chained windows merged) covering a check at an instant. */
export interface MaintenanceLookup {
  activeAt(ref: MaintenanceRef, at: Date): Interval | null | Promise<Interval | null>;
}
