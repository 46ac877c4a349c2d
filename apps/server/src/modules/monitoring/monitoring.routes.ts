import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../http/services.js';
import { agentInstallRoutes } from './agent/agent-install.routes.js';
import { availabilityRoutes } from './availability/availability.routes.js';
import { maintenanceRoutes } from './maintenance/maintenance.routes.js';
import { metricRoutes } from './metrics/metric.routes.js';
import { notificationRoutes } from './notifications/notification.routes.js';

/** Every supervision route: the agents' API, the console's, the install files. */
export function monitoringRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(agentInstallRoutes(services));
    await app.register(metricRoutes(services));
    await app.register(maintenanceRoutes(services));
    await app.register(availabilityRoutes(services));
    await app.register(notificationRoutes(services));
  };
}
