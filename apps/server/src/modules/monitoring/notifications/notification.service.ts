import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { OutboundSettings } from '../../mail/outbound/outbound-settings.js';

/** Alert notifications: rules (mail, webhooks), their outbox with retries, and the delivery log. */
export class NotificationService {
  constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly audit: AuditService,
    readonly outbound: OutboundSettings,
  ) {}
}
