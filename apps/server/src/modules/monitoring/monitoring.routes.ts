import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../http/services.js';
import { agentApiRoutes } from './agent/agent-api.routes.js';
import { agentInstallRoutes } from './agent/agent-install.routes.js';
import { agentRoutes } from './agent/agents.routes.js';
import { alertRoutes } from './alerts/alerts.routes.js';
import { availabilityRoutes } from './availability/availability.routes.js';
import { checkRoutes } from './checks/checks.routes.js';
import { maintenanceRoutes } from './maintenance/maintenance.routes.js';
import { metricRoutes } from './metrics/metric.routes.js';
import { notificationRoutes } from './notifications/notification.routes.js';

/** Every supervision route: the agents' API, the console's, the install files. */
export function monitoringRoutes(services: Services, publicUrl: string | null): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(agentApiRoutes(services));
    await app.register(agentInstallRoutes(services));
    await app.register(agentRoutes(services, publicUrl));
    await app.register(alertRoutes(services));
    await app.register(checkRoutes(services));
    await app.register(metricRoutes(services));
    await app.register(maintenanceRoutes(services));
    await app.register(availabilityRoutes(services));
    await app.register(notificationRoutes(services));
  };
}
