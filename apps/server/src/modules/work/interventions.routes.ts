import { Intervention, InterventionInput, InterventionReportInput, ListQuery, page } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

const Pdf = z.string().describe('The signed visit report (application/pdf)');

/** On-site visits: planned on a ticket, cancelled, or closed with the client's signature; the report as a PDF. */
export function interventionRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['work'];
    const ticketId = idParam('ticketId');
    const interventionId = idParam('interventionId');
    app.get(
      '/api/v1/tickets/:ticketId/interventions',
      {
        schema: {
          tags,
          params: ticketId,
          querystring: ListQuery,
          response: { 200: page(Intervention), ...errorResponses },
        },
      },
      (request) => services.interventions.list(ctxOf(request), request.params.ticketId, request.query),
    );
    app.post(
      '/api/v1/tickets/:ticketId/interventions',
      {
        schema: { tags, params: ticketId, body: InterventionInput, response: { 201: Intervention, ...errorResponses } },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await services.interventions.create(ctxOf(request), request.params.ticketId, request.body)),
    );
    app.get(
      '/api/v1/interventions/:interventionId',
      { schema: { tags, params: interventionId, response: { 200: Intervention, ...errorResponses } } },
      (request) => services.interventions.get(ctxOf(request), request.params.interventionId),
    );
    app.post(
      '/api/v1/interventions/:interventionId/cancel',
      { schema: { tags, params: interventionId, response: { 200: Intervention, ...errorResponses } } },
      (request) => services.interventions.cancel(ctxOf(request), request.params.interventionId),
    );
    app.post(
      '/api/v1/interventions/:interventionId/report',
      {
        schema: {
          tags,
          params: interventionId,
          body: InterventionReportInput,
          response: { 200: Intervention, ...errorResponses },
        },
      },
      (request) => services.interventions.report(ctxOf(request), request.params.interventionId, request.body),
    );
    app.get(
      '/api/v1/interventions/:interventionId/report.pdf',
      {
        schema: {
          tags,
          params: interventionId,
          produces: ['application/pdf'],
          response: { 200: Pdf, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { filename, bytes } = await services.interventions.reportPdf(
          ctxOf(request),
          request.params.interventionId,
        );
        void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
        return reply.send(Buffer.from(bytes) as unknown as string);
      },
    );
  };
}
