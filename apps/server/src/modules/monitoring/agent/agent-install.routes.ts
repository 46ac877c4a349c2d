import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../http/services.js';
import { agentBundle, agentUnitFile } from './agent-bundle.js';
import { INSTALL_SCRIPT } from './install-script.js';

/**
 * What a one-line install fetches: the install script, the agent itself, its systemd unit. No authentication: none
 * of them holds a secret (the enrollment token travels on the command line), and a machine being installed has no
 * credential yet. Hidden from the OpenAPI document: they are files, not API.
 */
export function agentInstallRoutes(_services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/agent/install.sh', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/x-shellscript; charset=utf-8').header('cache-control', 'no-cache').send(INSTALL_SCRIPT),
    );

    app.get('/agent/vigie-agent.mjs', { schema: { hide: true } }, async (request, reply) => {
      let file: Buffer;
      try {
        file = await agentBundle();
      } catch (error) {
        request.log.error({ err: error }, 'the agent bundle could not be built');
        return reply.status(503).send({
          error: { code: 'agent_unavailable', message: 'The agent could not be built on this server: see its log' },
        });
      }
      return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(file);
    });

    app.get('/agent/vigie-agent.service', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await agentUnitFile()),
    );
  };
}
