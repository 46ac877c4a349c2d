import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../http/services.js';

/** Notification rules and the delivery log. */
export function notificationRoutes(_services: Services): FastifyPluginAsyncZod {
  return async () => {};
}
