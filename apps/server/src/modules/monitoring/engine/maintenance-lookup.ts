import type { Interval } from '@vigie/domain';
import type { Db } from '../../../db/connection.js';

/** What a maintenance window can cover: a check is in maintenance when its client, site, asset or itself is. */
export interface MaintenanceRef {
  clientId: string;
  siteId: string | null;
  assetId: string;
  checkId: string;
}

/** The maintenance calendar as the engine asks it: the window (chained windows merged) covering a check at an instant. */
export interface MaintenanceLookup {
  /** `db`: the caller's transaction, when it holds one (the calendar may need a reload through it). */
  activeAt(ref: MaintenanceRef, at: Date, db?: Db): Interval | null | Promise<Interval | null>;
}
