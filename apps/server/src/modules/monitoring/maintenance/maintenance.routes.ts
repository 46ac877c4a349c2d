import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../http/services.js';

/** The maintenance calendar. */
export function maintenanceRoutes(_services: Services): FastifyPluginAsyncZod {
  return async () => {};
}
