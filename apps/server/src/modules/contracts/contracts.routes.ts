import { Contract, ContractInput, ContractPatch, ListQuery, page } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

export function contractRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['contracts'];
    const clientId = idParam('clientId');
    const contractId = idParam('contractId');
    app.get(
      '/api/v1/clients/:clientId/contracts',
      {
        schema: {
          tags,
          params: clientId,
          querystring: ListQuery,
          response: { 200: page(Contract), ...errorResponses },
        },
      },
      (request) => services.contracts.list(ctxOf(request), request.params.clientId, request.query),
    );
    app.post(
      '/api/v1/clients/:clientId/contracts',
      { schema: { tags, params: clientId, body: ContractInput, response: { 201: Contract, ...errorResponses } } },
      async (request, reply) =>
        reply.status(201).send(await services.contracts.create(ctxOf(request), request.params.clientId, request.body)),
    );
    app.get(
      '/api/v1/contracts/:contractId',
      { schema: { tags, params: contractId, response: { 200: Contract, ...errorResponses } } },
      (request) => services.contracts.get(ctxOf(request), request.params.contractId),
    );
    app.patch(
      '/api/v1/contracts/:contractId',
      { schema: { tags, params: contractId, body: ContractPatch, response: { 200: Contract, ...errorResponses } } },
      (request) => services.contracts.update(ctxOf(request), request.params.contractId, request.body),
    );
    app.delete(
      '/api/v1/contracts/:contractId',
      { schema: { tags, params: contractId, response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.contracts.remove(ctxOf(request), request.params.contractId);
        return reply.status(204).send(null);
      },
    );
  };
}
