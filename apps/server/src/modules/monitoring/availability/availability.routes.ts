import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../http/services.js';

/** Availability of a client's assets and checks. */
export function availabilityRoutes(_services: Services): FastifyPluginAsyncZod {
  return async () => {};
}
