import { AssetAvailability, AvailabilityQuery, AvailabilityView } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../http/request-context.js';
import { errorResponses, idParam } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';

/** Availability of a client's assets and checks over a month, and of one asset today and this month. */
export function availabilityRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['monitoring'];
    app.get(
      '/api/v1/monitoring/availability',
      { schema: { tags, querystring: AvailabilityQuery, response: { 200: AvailabilityView, ...errorResponses } } },
      (request) =>
        services.monitoring.availability.forClient(ctxOf(request), request.query.clientId, request.query.month),
    );
    app.get(
      '/api/v1/monitoring/assets/:assetId/availability',
      { schema: { tags, params: idParam('assetId'), response: { 200: AssetAvailability, ...errorResponses } } },
      (request) => services.monitoring.availability.forAsset(ctxOf(request), request.params.assetId),
    );
  };
}
