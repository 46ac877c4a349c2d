import {
  AGENT_BATCH_MAX_BYTES,
  AgentBatch,
  AgentConfig,
  BatchAck,
  EnrollRequest,
  EnrollResponse,
  ErrorBody,
  RotateResponse,
} from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';

const abandoned = { error: { code: 'request_abandoned', message: 'The agent closed this request; it sends it again' } };

/**
 * The agents' API (packages/contracts/src/agent.ts). Agents authenticate with their own credential, not a session
 * or an API token; a batch is acknowledged only once committed.
 */
export function agentApiRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['agent'];
    const { agentApi, ingest } = services.monitoring;
    app.post(
      '/api/v1/agent/enroll',
      { schema: { tags, body: EnrollRequest, response: { 201: EnrollResponse, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await agentApi.enroll(request.body)),
    );
    app.get(
      '/api/v1/agent/config',
      { schema: { tags, response: { 200: AgentConfig, ...errorResponses } } },
      async (request) => agentApi.config(await agentApi.authenticate(request.headers.authorization)),
    );
    app.post(
      '/api/v1/agent/batches',
      {
        bodyLimit: AGENT_BATCH_MAX_BYTES,
        schema: { tags, body: AgentBatch, response: { 200: BatchAck, 408: ErrorBody, ...errorResponses } },
      },
      async (request, reply) => {
        const agent = await agentApi.authenticate(request.headers.authorization);
        // The agent gave up on this request (its timeout ran out while the server was stalled) and will send the
        // batch again: applying this copy now would take its transit delay for clock skew and misdate its results.
        if (request.raw.socket.destroyed) return reply.status(408).send(abandoned);
        return ingest.ingest(agent, request.body);
      },
    );
    app.post(
      '/api/v1/agent/rotate',
      { schema: { tags, response: { 200: RotateResponse, ...errorResponses } } },
      async (request) => {
        const agent = await agentApi.authenticate(request.headers.authorization);
        return agentApi.rotate(agent, request.headers.authorization);
      },
    );
  };
}
