import { ApiToken, CreateApiToken, CreatedApiToken } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

export function tokenRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    app.get(
      '/api/v1/tokens',
      { schema: { tags, response: { 200: z.object({ items: z.array(ApiToken) }), ...errorResponses } } },
      async (request) => ({
        items: await services.tokens.list(ctxOf(request)),
      }),
    );
    app.post(
      '/api/v1/tokens',
      { schema: { tags, body: CreateApiToken, response: { 201: CreatedApiToken, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await services.tokens.create(ctxOf(request), request.body)),
    );
    app.delete(
      '/api/v1/tokens/:tokenId',
      { schema: { tags, params: idParam('tokenId'), response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.tokens.revoke(ctxOf(request), request.params.tokenId);
        return reply.status(204).send(null);
      },
    );
  };
}
