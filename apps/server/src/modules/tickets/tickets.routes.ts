import {
  AssignInput,
  CommentInput,
  EscalateInput,
  ListQuery,
  MergeInput,
  page,
  RatingInput,
  RejectInput,
  ResolveInput,
  StatusInput,
  Ticket,
  TicketEvent,
  TicketInput,
  TicketListQuery,
  TicketPatch,
  TicketSummary,
} from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

export function ticketRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['tickets'];
    const params = idParam('ticketId');
    const one = { 200: Ticket, ...errorResponses };
    const { tickets, workflow } = services;

    app.get(
      '/api/v1/tickets',
      { schema: { tags, querystring: TicketListQuery, response: { 200: page(TicketSummary), ...errorResponses } } },
      (request) => tickets.list(ctxOf(request), request.query),
    );
    app.post(
      '/api/v1/tickets',
      { schema: { tags, body: TicketInput, response: { 201: Ticket, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await tickets.create(ctxOf(request), request.body)),
    );
    app.get('/api/v1/tickets/:ticketId', { schema: { tags, params, response: one } }, (request) =>
      tickets.get(ctxOf(request), request.params.ticketId),
    );
    app.patch('/api/v1/tickets/:ticketId', { schema: { tags, params, body: TicketPatch, response: one } }, (request) =>
      tickets.update(ctxOf(request), request.params.ticketId, request.body),
    );
    app.get(
      '/api/v1/tickets/:ticketId/events',
      {
        schema: {
          tags,
          params,
          querystring: ListQuery.omit({ q: true }),
          response: { 200: page(TicketEvent), ...errorResponses },
        },
      },
      (request) => tickets.events(ctxOf(request), request.params.ticketId, request.query),
    );
    app.post(
      '/api/v1/tickets/:ticketId/comments',
      { schema: { tags, params, body: CommentInput, response: { 201: TicketEvent, ...errorResponses } } },
      async (request, reply) =>
        reply.status(201).send(await workflow.comment(ctxOf(request), request.params.ticketId, request.body)),
    );
    app.post('/api/v1/tickets/:ticketId/assign', { schema: { tags, params, body: AssignInput, response: one } }, (r) =>
      workflow.assign(ctxOf(r), r.params.ticketId, r.body),
    );
    app.post('/api/v1/tickets/:ticketId/take', { schema: { tags, params, response: one } }, (r) =>
      workflow.take(ctxOf(r), r.params.ticketId),
    );
    app.post('/api/v1/tickets/:ticketId/status', { schema: { tags, params, body: StatusInput, response: one } }, (r) =>
      workflow.setStatus(ctxOf(r), r.params.ticketId, r.body),
    );
    app.post(
      '/api/v1/tickets/:ticketId/escalate',
      { schema: { tags, params, body: EscalateInput, response: one } },
      (r) => workflow.escalate(ctxOf(r), r.params.ticketId, r.body),
    );
    app.post(
      '/api/v1/tickets/:ticketId/resolve',
      { schema: { tags, params, body: ResolveInput, response: one } },
      (r) => workflow.resolve(ctxOf(r), r.params.ticketId, r.body),
    );
    app.post('/api/v1/tickets/:ticketId/confirm', { schema: { tags, params, response: one } }, (r) =>
      workflow.confirm(ctxOf(r), r.params.ticketId),
    );
    app.post('/api/v1/tickets/:ticketId/reject', { schema: { tags, params, body: RejectInput, response: one } }, (r) =>
      workflow.reject(ctxOf(r), r.params.ticketId, r.body.reason),
    );
    app.post('/api/v1/tickets/:ticketId/rating', { schema: { tags, params, body: RatingInput, response: one } }, (r) =>
      workflow.rate(ctxOf(r), r.params.ticketId, r.body),
    );
    app.post('/api/v1/tickets/:ticketId/merge', { schema: { tags, params, body: MergeInput, response: one } }, (r) =>
      workflow.merge(ctxOf(r), r.params.ticketId, r.body.intoTicketId),
    );
  };
}
