import { InboundMail, InboundMailAssignInput, InboundMailListQuery, InboundMailSummary, page } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../http/request-context.js';
import { errorResponses, idParam } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';

/** Staff routes of inbound mail: the triage and quarantine queues and what is done with them. */
export function inboundMailRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['mail'];
    const mailId = idParam('inboundMailId');
    app.get(
      '/api/v1/mail/inbound',
      {
        schema: {
          tags,
          querystring: InboundMailListQuery,
          response: { 200: page(InboundMailSummary), ...errorResponses },
        },
      },
      (request) => services.inboundMail.list(ctxOf(request), request.query),
    );
    app.get(
      '/api/v1/mail/inbound/:inboundMailId',
      { schema: { tags, params: mailId, response: { 200: InboundMail, ...errorResponses } } },
      (request) => services.inboundMail.get(ctxOf(request), request.params.inboundMailId),
    );
    app.get(
      '/api/v1/mail/inbound/:inboundMailId/raw',
      {
        schema: {
          tags,
          params: mailId,
          produces: ['message/rfc822'],
          response: { 200: z.any().describe('the raw message'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const raw = await services.inboundMail.raw(ctxOf(request), request.params.inboundMailId);
        return reply
          .header('content-type', 'message/rfc822')
          .header('content-disposition', `attachment; filename="${raw.fileName}"`)
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(Buffer.from(raw.content));
      },
    );
    app.post(
      '/api/v1/mail/inbound/:inboundMailId/reinject',
      { schema: { tags, params: mailId, response: { 200: InboundMail, ...errorResponses } } },
      (request) => services.inboundMail.reinject(ctxOf(request), request.params.inboundMailId),
    );
    app.post(
      '/api/v1/mail/inbound/:inboundMailId/assign',
      {
        schema: {
          tags,
          params: mailId,
          body: InboundMailAssignInput,
          response: { 200: InboundMail, ...errorResponses },
        },
      },
      (request) => services.inboundMail.assign(ctxOf(request), request.params.inboundMailId, request.body),
    );
    app.post(
      '/api/v1/mail/inbound/:inboundMailId/discard',
      { schema: { tags, params: mailId, response: { 200: InboundMail, ...errorResponses } } },
      (request) => services.inboundMail.discard(ctxOf(request), request.params.inboundMailId),
    );
  };
}
