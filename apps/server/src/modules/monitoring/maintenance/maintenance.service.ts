import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import type { AuditService } from '../../audit/audit.service.js';

/** Maintenance windows: one-off or recurring (RRULE), per client, site, asset or check. */
export class MaintenanceService {
  constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly audit: AuditService,
  ) {}
}
