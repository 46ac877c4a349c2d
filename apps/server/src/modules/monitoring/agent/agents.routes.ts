import { AgentView, EnrollmentCreated, EnrollmentInput, EnrollmentView, Id } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../http/request-context.js';
import { errorResponses, idParam } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';

const ClientFilter = z.object({ clientId: Id.optional() });

/** Agents and enrollment tokens, as the console manages them. */
export function agentRoutes(services: Services, publicUrl: string | null): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['monitoring'];
    const { agents } = services.monitoring;
    app.get(
      '/api/v1/monitoring/agents',
      {
        schema: {
          tags,
          querystring: ClientFilter,
          response: { 200: z.object({ items: z.array(AgentView) }), ...errorResponses },
        },
      },
      (request) => agents.list(ctxOf(request), request.query.clientId),
    );
    app.post(
      '/api/v1/monitoring/agents/:agentId/revoke',
      { schema: { tags, params: idParam('agentId'), response: { 200: AgentView, ...errorResponses } } },
      (request) => agents.revoke(ctxOf(request), request.params.agentId),
    );
    app.post(
      '/api/v1/monitoring/agents/:agentId/rotate',
      { schema: { tags, params: idParam('agentId'), response: { 200: AgentView, ...errorResponses } } },
      (request) => agents.requestRotation(ctxOf(request), request.params.agentId),
    );
    app.get(
      '/api/v1/monitoring/enrollments',
      {
        schema: {
          tags,
          querystring: ClientFilter,
          response: { 200: z.object({ items: z.array(EnrollmentView) }), ...errorResponses },
        },
      },
      (request) => agents.listEnrollments(ctxOf(request), request.query.clientId),
    );
    app.post(
      '/api/v1/monitoring/enrollments',
      { schema: { tags, body: EnrollmentInput, response: { 201: EnrollmentCreated, ...errorResponses } } },
      async (request, reply) => {
        const serverUrl = publicUrl ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
        return reply.status(201).send(await agents.createEnrollment(ctxOf(request), request.body, serverUrl));
      },
    );
    app.post(
      '/api/v1/monitoring/enrollments/:enrollmentId/revoke',
      { schema: { tags, params: idParam('enrollmentId'), response: { 200: EnrollmentView, ...errorResponses } } },
      (request) => agents.revokeEnrollment(ctxOf(request), request.params.enrollmentId),
    );
  };
}
