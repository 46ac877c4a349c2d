import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import type { MaintenanceService } from '../maintenance/maintenance.service.js';

/** Availability per check and per asset, per day and per month, outside maintenance windows. */
export class AvailabilityService {
  constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly maintenance: MaintenanceService,
  ) {}
}
