import { MaintenanceInput, MaintenancePatch, MaintenanceQuery, MaintenanceView } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';

const MaintenanceList = z.object({ items: z.array(MaintenanceView) });

/** The maintenance calendar: windows and their occurrences in a period, written by the provider's staff. */
export function maintenanceRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['monitoring'];
    const params = idParam('windowId');
    const maintenance = () => services.monitoring.maintenance;
    app.get(
      '/api/v1/monitoring/maintenance',
      { schema: { tags, querystring: MaintenanceQuery, response: { 200: MaintenanceList, ...errorResponses } } },
      (request) => maintenance().list(ctxOf(request), request.query),
    );
    app.post(
      '/api/v1/monitoring/maintenance',
      { schema: { tags, body: MaintenanceInput, response: { 201: MaintenanceView, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await maintenance().create(ctxOf(request), request.body)),
    );
    app.patch(
      '/api/v1/monitoring/maintenance/:windowId',
      { schema: { tags, params, body: MaintenancePatch, response: { 200: MaintenanceView, ...errorResponses } } },
      (request) => maintenance().update(ctxOf(request), request.params.windowId, request.body),
    );
    app.delete(
      '/api/v1/monitoring/maintenance/:windowId',
      { schema: { tags, params, response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await maintenance().remove(ctxOf(request), request.params.windowId);
        return reply.status(204).send(null);
      },
    );
  };
}
