import { AssetMonitoring, CheckInput, CheckListQuery, CheckPatch, CheckView, page } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';

/** Checks' configuration, "run now", and an asset's whole monitoring tab. */
export function checkRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['monitoring'];
    const { checks, assetMonitoring, runNow } = services.monitoring;
    const params = idParam('checkId');
    app.get(
      '/api/v1/monitoring/checks',
      { schema: { tags, querystring: CheckListQuery, response: { 200: page(CheckView), ...errorResponses } } },
      (request) => checks.list(ctxOf(request), request.query),
    );
    app.post(
      '/api/v1/monitoring/checks',
      { schema: { tags, body: CheckInput, response: { 201: CheckView, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await checks.create(ctxOf(request), request.body)),
    );
    app.get(
      '/api/v1/monitoring/checks/:checkId',
      { schema: { tags, params, response: { 200: CheckView, ...errorResponses } } },
      (request) => checks.get(ctxOf(request), request.params.checkId),
    );
    app.patch(
      '/api/v1/monitoring/checks/:checkId',
      { schema: { tags, params, body: CheckPatch, response: { 200: CheckView, ...errorResponses } } },
      (request) => checks.update(ctxOf(request), request.params.checkId, request.body),
    );
    app.delete(
      '/api/v1/monitoring/checks/:checkId',
      { schema: { tags, params, response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await checks.remove(ctxOf(request), request.params.checkId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/v1/monitoring/checks/:checkId/run',
      { schema: { tags, params, response: { 200: CheckView, ...errorResponses } } },
      (request) => runNow(ctxOf(request), request.params.checkId),
    );
    app.get(
      '/api/v1/monitoring/assets/:assetId',
      { schema: { tags, params: idParam('assetId'), response: { 200: AssetMonitoring, ...errorResponses } } },
      (request) => assetMonitoring.get(ctxOf(request), request.params.assetId),
    );
  };
}
