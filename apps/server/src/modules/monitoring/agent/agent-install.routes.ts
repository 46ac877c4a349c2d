import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../http/services.js';

/** What a one-line install fetches: the install script, the agent itself, its systemd unit. */
export function agentInstallRoutes(_services: Services): FastifyPluginAsyncZod {
  return async () => {};
}
