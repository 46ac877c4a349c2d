import { CreateUser, page, Team, TeamInput, UpdateUser, User, UserListQuery } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

export function userRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['people'];
    app.get(
      '/api/v1/users',
      { schema: { tags, querystring: UserListQuery, response: { 200: page(User), ...errorResponses } } },
      (request) => services.users.list(ctxOf(request), request.query),
    );
    app.post(
      '/api/v1/users',
      { schema: { tags, body: CreateUser, response: { 201: User, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await services.users.create(ctxOf(request), request.body)),
    );
    app.get(
      '/api/v1/users/:userId',
      { schema: { tags, params: idParam('userId'), response: { 200: User, ...errorResponses } } },
      (request) => services.users.get(ctxOf(request), request.params.userId),
    );
    app.patch(
      '/api/v1/users/:userId',
      { schema: { tags, params: idParam('userId'), body: UpdateUser, response: { 200: User, ...errorResponses } } },
      (request) => services.users.update(ctxOf(request), request.params.userId, request.body),
    );
    app.post(
      '/api/v1/users/:userId/revoke-sessions',
      {
        schema: {
          tags,
          params: idParam('userId'),
          response: { 200: z.object({ revoked: z.number() }), ...errorResponses },
        },
      },
      (request) => services.users.revokeSessions(ctxOf(request), request.params.userId),
    );

    app.get(
      '/api/v1/teams',
      { schema: { tags, response: { 200: z.object({ items: z.array(Team) }), ...errorResponses } } },
      async (request) => ({
        items: await services.teams.list(ctxOf(request)),
      }),
    );
    app.post(
      '/api/v1/teams',
      { schema: { tags, body: TeamInput, response: { 201: Team, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await services.teams.create(ctxOf(request), request.body)),
    );
    app.patch(
      '/api/v1/teams/:teamId',
      {
        schema: {
          tags,
          params: idParam('teamId'),
          body: TeamInput.partial(),
          response: { 200: Team, ...errorResponses },
        },
      },
      (request) => services.teams.update(ctxOf(request), request.params.teamId, request.body),
    );
    app.delete(
      '/api/v1/teams/:teamId',
      { schema: { tags, params: idParam('teamId'), response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.teams.remove(ctxOf(request), request.params.teamId);
        return reply.status(204).send(null);
      },
    );
  };
}
