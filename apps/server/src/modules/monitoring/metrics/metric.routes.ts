import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../http/services.js';

/** Charts' data: an asset's metric series over a period. */
export function metricRoutes(_services: Services): FastifyPluginAsyncZod {
  return async () => {};
}
