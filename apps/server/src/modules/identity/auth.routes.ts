import { LoginRequest, SessionInfo } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unauthorized } from '../../core/errors.js';
import { SESSION_COOKIE, setSessionCookie } from '../../http/authenticate.js';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';
import { presentMe } from './auth.service.js';

export function authRoutes(services: Services, options: { secureCookies: boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/auth/login',
      { schema: { tags: ['auth'], body: LoginRequest, response: { 200: SessionInfo, ...errorResponses } } },
      async (request, reply) => {
        const { token, info } = await services.auth.login(request.body, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        });
        setSessionCookie(request, reply, { token, expiresAt: info.expiresAt }, options.secureCookies);
        return info;
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { schema: { tags: ['auth'], response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        const session = request.auth?.session;
        if (session) await services.auth.logout(ctxOf(request), session);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/session',
      { schema: { tags: ['auth'], response: { 200: SessionInfo, ...errorResponses } } },
      async (request) => {
        const auth = request.auth;
        if (!auth?.session) throw unauthorized('No open session');
        return { user: presentMe(auth.user), csrfToken: auth.session.csrf_token, expiresAt: auth.session.expires_at };
      },
    );
  };
}
