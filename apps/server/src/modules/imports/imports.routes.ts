import { ImportQuery, ImportReport } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];
const ImportParams = z.object({ clientId: z.uuid(), kind: z.enum(['assets', 'contacts']) });

/** CSV uploads (body `text/csv`); a dry run is the default so nothing is written by accident. */
export function importRoutes(services: Services, limits: { importLimitBytes: number }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      CSV_TYPES,
      { parseAs: 'buffer', bodyLimit: limits.importLimitBytes },
      (_request, body, done) => done(null, body),
    );
    app.post(
      '/api/v1/clients/:clientId/imports/:kind',
      {
        bodyLimit: limits.importLimitBytes,
        schema: {
          tags: ['imports'],
          params: ImportParams,
          querystring: ImportQuery,
          consumes: ['text/csv'],
          response: { 200: ImportReport, ...errorResponses },
        },
      },
      (request) => {
        const type = String(request.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim();
        if (!CSV_TYPES.includes(type ?? '')) {
          throw new AppError(415, 'unsupported_media_type', 'Send the file as the body with Content-Type: text/csv');
        }
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
        const options = { dryRun: request.query.dryRun === 'true', encoding: request.query.encoding };
        const ctx = ctxOf(request);
        return request.params.kind === 'assets'
          ? services.imports.importAssets(ctx, request.params.clientId, bytes, options)
          : services.imports.importContacts(ctx, request.params.clientId, bytes, options);
      },
    );
  };
}
