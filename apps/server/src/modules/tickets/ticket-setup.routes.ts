import {
  CallerLookupQuery,
  CallerMatch,
  ListQuery,
  Notification,
  PriorityMatrixView,
  page,
  SavedView,
  SavedViewInput,
  SlaActions,
  StaffMember,
  TicketCategory,
  TicketCategoryInput,
  TicketCategoryPatch,
} from '@vigie/contracts';
import type { Priority } from '@vigie/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

/** The desk around the tickets: categories, priority matrix, SLA actions, saved views, notifications, callers. */
export function ticketSetupRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { ticketSetup, desk } = services;
    const tags = ['desk'];
    const categoryId = idParam('categoryId');
    const viewId = idParam('viewId');
    const notificationId = idParam('notificationId');
    const noContent = { 204: NoContent, ...errorResponses };

    app.get(
      '/api/v1/ticket-categories',
      { schema: { tags, response: { 200: z.object({ items: z.array(TicketCategory) }), ...errorResponses } } },
      (r) => ticketSetup.categories(ctxOf(r)),
    );
    app.post(
      '/api/v1/ticket-categories',
      { schema: { tags, body: TicketCategoryInput, response: { 201: TicketCategory, ...errorResponses } } },
      async (r, reply) => reply.status(201).send(await ticketSetup.createCategory(ctxOf(r), r.body)),
    );
    app.patch(
      '/api/v1/ticket-categories/:categoryId',
      {
        schema: {
          tags,
          params: categoryId,
          body: TicketCategoryPatch,
          response: { 200: TicketCategory, ...errorResponses },
        },
      },
      (r) => ticketSetup.updateCategory(ctxOf(r), r.params.categoryId, r.body),
    );
    app.delete(
      '/api/v1/ticket-categories/:categoryId',
      { schema: { tags, params: categoryId, response: noContent } },
      async (r, reply) => {
        await ticketSetup.deleteCategory(ctxOf(r), r.params.categoryId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/settings/priority-matrix',
      { schema: { tags, response: { 200: PriorityMatrixView, ...errorResponses } } },
      (r) => {
        ctxOf(r);
        return ticketSetup.priorityMatrix();
      },
    );
    app.put(
      '/api/v1/settings/priority-matrix',
      { schema: { tags, body: PriorityMatrixView, response: { 200: PriorityMatrixView, ...errorResponses } } },
      (r) => ticketSetup.setPriorityMatrix(ctxOf(r), r.body.matrix as Priority[][]),
    );
    app.get(
      '/api/v1/settings/sla-actions',
      { schema: { tags, response: { 200: SlaActions, ...errorResponses } } },
      (r) => ticketSetup.slaActions(ctxOf(r)),
    );
    app.put(
      '/api/v1/settings/sla-actions',
      { schema: { tags, body: SlaActions, response: { 200: SlaActions, ...errorResponses } } },
      (r) => ticketSetup.setSlaActions(ctxOf(r), r.body),
    );

    app.get(
      '/api/v1/ticket-views',
      { schema: { tags, response: { 200: z.object({ items: z.array(SavedView) }), ...errorResponses } } },
      (r) => desk.views(ctxOf(r)),
    );
    app.post(
      '/api/v1/ticket-views',
      { schema: { tags, body: SavedViewInput, response: { 201: SavedView, ...errorResponses } } },
      async (r, reply) => reply.status(201).send(await desk.saveView(ctxOf(r), r.body)),
    );
    app.delete(
      '/api/v1/ticket-views/:viewId',
      { schema: { tags, params: viewId, response: noContent } },
      async (r, reply) => {
        await desk.deleteView(ctxOf(r), r.params.viewId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/notifications',
      {
        schema: {
          tags,
          querystring: ListQuery.omit({ q: true }),
          response: { 200: page(Notification), ...errorResponses },
        },
      },
      (r) => desk.notifications(ctxOf(r), r.query),
    );
    app.post(
      '/api/v1/notifications/:notificationId/read',
      { schema: { tags, params: notificationId, response: noContent } },
      async (r, reply) => {
        await desk.markRead(ctxOf(r), r.params.notificationId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/staff',
      { schema: { tags, response: { 200: z.object({ items: z.array(StaffMember) }), ...errorResponses } } },
      (r) => desk.staff(ctxOf(r)),
    );
    app.get(
      '/api/v1/caller-lookup',
      {
        schema: {
          tags,
          querystring: CallerLookupQuery,
          response: { 200: z.object({ items: z.array(CallerMatch) }), ...errorResponses },
        },
      },
      (r) => desk.lookupCaller(ctxOf(r), r.query.q),
    );
  };
}
