import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/connection.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OutboundSettings } from '../mail/outbound/outbound-settings.js';
import { AvailabilityService } from './availability/availability.service.js';
import { MaintenanceService } from './maintenance/maintenance.service.js';
import { MetricService } from './metrics/metric.service.js';
import { NotificationService } from './notifications/notification.service.js';

/** The supervision services, wired once (DOMAIN §6). */
export function buildMonitoringServices(db: Db, clock: Clock, audit: AuditService, outbound: OutboundSettings) {
  const maintenance = new MaintenanceService(db, clock, audit);
  return {
    metrics: new MetricService(db, clock),
    maintenance,
    availability: new AvailabilityService(db, clock, maintenance),
    notifications: new NotificationService(db, clock, audit, outbound),
  };
}
export type MonitoringServices = ReturnType<typeof buildMonitoringServices>;
