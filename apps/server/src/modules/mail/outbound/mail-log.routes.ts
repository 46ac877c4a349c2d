import {
  MailDigestInput,
  MailDigestSetting,
  OutboundMail,
  OutboundMailListQuery,
  OutboundMailSummary,
  page,
  TicketMailList,
} from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../http/request-context.js';
import { errorResponses, idParam } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';

/** The mail log (outbox and delivery tries), a ticket's mail, and one's own daily digest. */
export function mailLogRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['mail'];
    app.get(
      '/api/v1/mail/outbound',
      {
        schema: {
          tags,
          querystring: OutboundMailListQuery,
          response: { 200: page(OutboundMailSummary), ...errorResponses },
        },
      },
      (request) => services.mailLog.list(ctxOf(request), request.query),
    );
    app.get(
      '/api/v1/mail/outbound/:mailId',
      { schema: { tags, params: idParam('mailId'), response: { 200: OutboundMail, ...errorResponses } } },
      (request) => services.mailLog.get(ctxOf(request), request.params.mailId),
    );
    app.post(
      '/api/v1/mail/outbound/:mailId/retry',
      { schema: { tags, params: idParam('mailId'), response: { 200: OutboundMail, ...errorResponses } } },
      (request) => services.mailLog.retry(ctxOf(request), request.params.mailId),
    );
    app.get(
      '/api/v1/tickets/:ticketId/mails',
      { schema: { tags, params: idParam('ticketId'), response: { 200: TicketMailList, ...errorResponses } } },
      (request) => services.mailLog.ofTicket(ctxOf(request), request.params.ticketId),
    );
    app.get(
      '/api/v1/me/mail-digest',
      { schema: { tags, response: { 200: MailDigestSetting, ...errorResponses } } },
      (request) => services.mailDigests.get(ctxOf(request)),
    );
    app.put(
      '/api/v1/me/mail-digest',
      { schema: { tags, body: MailDigestInput, response: { 200: MailDigestSetting, ...errorResponses } } },
      (request) => services.mailDigests.set(ctxOf(request), request.body),
    );
  };
}
