import {
  AcknowledgeInput,
  AlertDetail,
  AlertListQuery,
  AlertNoteInput,
  AlertSummary,
  BoardSummary,
  page,
} from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../http/request-context.js';
import { errorResponses, idParam } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';
import { streamBoard } from './board-stream.js';

/** The alert board: summary, lists, one alert, acknowledge and notes, and the live event stream. */
export function alertRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['monitoring'];
    const { alerts } = services.monitoring;
    app.get(
      '/api/v1/monitoring/board',
      { schema: { tags, response: { 200: BoardSummary, ...errorResponses } } },
      (request) => alerts.summary(ctxOf(request)),
    );
    app.get(
      '/api/v1/monitoring/alerts',
      { schema: { tags, querystring: AlertListQuery, response: { 200: page(AlertSummary), ...errorResponses } } },
      (request) => alerts.list(ctxOf(request), request.query),
    );
    app.get(
      '/api/v1/monitoring/alerts/:alertId',
      { schema: { tags, params: idParam('alertId'), response: { 200: AlertDetail, ...errorResponses } } },
      (request) => alerts.get(ctxOf(request), request.params.alertId),
    );
    app.post(
      '/api/v1/monitoring/alerts/:alertId/acknowledge',
      {
        schema: {
          tags,
          params: idParam('alertId'),
          body: AcknowledgeInput,
          response: { 200: AlertDetail, ...errorResponses },
        },
      },
      (request) => alerts.acknowledge(ctxOf(request), request.params.alertId, request.body.comment),
    );
    app.post(
      '/api/v1/monitoring/alerts/:alertId/notes',
      {
        schema: {
          tags,
          params: idParam('alertId'),
          body: AlertNoteInput,
          response: { 200: AlertDetail, ...errorResponses },
        },
      },
      (request) => alerts.addNote(ctxOf(request), request.params.alertId, request.body.body),
    );
    app.get('/api/v1/monitoring/stream', { schema: { tags, produces: ['text/event-stream'] } }, (request, reply) =>
      streamBoard(request, reply, alerts.bus, ctxOf(request).actor),
    );
  };
}
