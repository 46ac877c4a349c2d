import { HourBankUsage, ListQuery, page, TimeEntry, TimeEntryInput } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

/** Time entries on tickets, and the hour bank they consume. */
export function timeRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['work'];
    const ticketId = idParam('ticketId');
    app.get(
      '/api/v1/tickets/:ticketId/time-entries',
      {
        schema: {
          tags,
          params: ticketId,
          querystring: ListQuery,
          response: { 200: page(TimeEntry), ...errorResponses },
        },
      },
      (request) => services.timeEntries.list(ctxOf(request), request.params.ticketId, request.query),
    );
    app.post(
      '/api/v1/tickets/:ticketId/time-entries',
      { schema: { tags, params: ticketId, body: TimeEntryInput, response: { 201: TimeEntry, ...errorResponses } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(await services.timeEntries.create(ctxOf(request), request.params.ticketId, request.body)),
    );
    app.delete(
      '/api/v1/time-entries/:timeEntryId',
      { schema: { tags, params: idParam('timeEntryId'), response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.timeEntries.remove(ctxOf(request), request.params.timeEntryId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/v1/contracts/:contractId/hour-bank',
      { schema: { tags, params: idParam('contractId'), response: { 200: HourBankUsage, ...errorResponses } } },
      (request) => services.hourBanks.usage(ctxOf(request), request.params.contractId),
    );
  };
}
