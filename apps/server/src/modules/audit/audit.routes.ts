import { AuditEvent, AuditListQuery, page } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

export function auditRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/audit',
      {
        schema: {
          tags: ['audit'],
          querystring: AuditListQuery,
          response: { 200: page(AuditEvent), ...errorResponses },
        },
      },
      (request) => services.audit.list(ctxOf(request), request.query),
    );
  };
}
