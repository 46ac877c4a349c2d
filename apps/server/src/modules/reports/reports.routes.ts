import { SlaReport, SlaReportFileQuery, SlaReportQuery, SlaReportSendInput, SlaReportSent } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';
import type { ReportFile } from './sla-report.service.js';

const Csv = z.string().describe('The report as CSV (UTF-8 with BOM; `;` and decimal comma in French, `,` in English)');
const Pdf = z.string().describe('The report as PDF (application/pdf)');

/** The monthly SLA report of a client: JSON, CSV, PDF, and the mail to its managers. */
export function reportRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['reports'];
    const params = idParam('clientId');
    const download = (file: ReportFile, reply: { type(t: string): unknown; header(k: string, v: string): unknown }) => {
      reply.type(file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return typeof file.body === 'string' ? file.body : Buffer.from(file.body);
    };
    app.get(
      '/api/v1/clients/:clientId/reports/sla',
      { schema: { tags, params, querystring: SlaReportQuery, response: { 200: SlaReport, ...errorResponses } } },
      (request) => services.reports.get(ctxOf(request), request.params.clientId, request.query.month),
    );
    app.get(
      '/api/v1/clients/:clientId/reports/sla.csv',
      {
        schema: {
          tags,
          params,
          querystring: SlaReportFileQuery,
          produces: ['text/csv'],
          response: { 200: Csv, ...errorResponses },
        },
      },
      async (request, reply) => {
        const file = await services.reports.csv(ctxOf(request), request.params.clientId, request.query);
        return reply.send(download(file, reply) as string);
      },
    );
    app.get(
      '/api/v1/clients/:clientId/reports/sla.pdf',
      {
        schema: {
          tags,
          params,
          querystring: SlaReportFileQuery,
          produces: ['application/pdf'],
          response: { 200: Pdf, ...errorResponses },
        },
      },
      async (request, reply) => {
        const file = await services.reports.pdf(ctxOf(request), request.params.clientId, request.query);
        return reply.send(download(file, reply) as unknown as string);
      },
    );
    app.post(
      '/api/v1/clients/:clientId/reports/sla/send',
      { schema: { tags, params, body: SlaReportSendInput, response: { 200: SlaReportSent, ...errorResponses } } },
      (request) => services.reports.send(ctxOf(request), request.params.clientId, request.body.month),
    );
  };
}
