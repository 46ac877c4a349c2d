import {
  NotificationDeliveryQuery,
  NotificationDeliveryView,
  NotificationRuleInput,
  NotificationRulePatch,
  NotificationRuleView,
  page,
} from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';

/** Notification rules (mail, webhooks) and the delivery log with its retry. */
export function notificationRoutes(services: Services): FastifyPluginAsyncZod {
  const notifications = () => services.monitoring.notifications;
  return async (app) => {
    const tags = ['monitoring'];
    const rules = '/api/v1/monitoring/notification-rules';
    app.get(
      rules,
      { schema: { tags, response: { 200: z.object({ items: z.array(NotificationRuleView) }), ...errorResponses } } },
      (request) => notifications().listRules(ctxOf(request)),
    );
    app.post(
      rules,
      { schema: { tags, body: NotificationRuleInput, response: { 201: NotificationRuleView, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await notifications().createRule(ctxOf(request), request.body)),
    );
    app.patch(
      `${rules}/:ruleId`,
      {
        schema: {
          tags,
          params: idParam('ruleId'),
          body: NotificationRulePatch,
          response: { 200: NotificationRuleView, ...errorResponses },
        },
      },
      (request) => notifications().updateRule(ctxOf(request), request.params.ruleId, request.body),
    );
    app.delete(
      `${rules}/:ruleId`,
      { schema: { tags, params: idParam('ruleId'), response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await notifications().deleteRule(ctxOf(request), request.params.ruleId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/v1/monitoring/notifications',
      {
        schema: {
          tags,
          querystring: NotificationDeliveryQuery,
          response: { 200: page(NotificationDeliveryView), ...errorResponses },
        },
      },
      (request) => notifications().listDeliveries(ctxOf(request), request.query),
    );
    app.post(
      '/api/v1/monitoring/notifications/:deliveryId/retry',
      {
        schema: {
          tags,
          params: idParam('deliveryId'),
          response: { 200: NotificationDeliveryView, ...errorResponses },
        },
      },
      (request) => notifications().retryDelivery(ctxOf(request), request.params.deliveryId),
    );
  };
}
