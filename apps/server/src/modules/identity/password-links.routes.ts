import {
  ErrorBody,
  InvitationInfo,
  InvitationQuery,
  InvitationSent,
  PasswordLinkCompletion,
  PasswordResetAccepted,
  PasswordResetRequest,
  SessionInfo,
} from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setSessionCookie } from '../../http/authenticate.js';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

const gone = { 410: ErrorBody };

/** Password reset (anyone, by address) and invitations (sent by staff, accepted by the person invited). */
export function passwordLinkRoutes(services: Services, options: { secureCookies: boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    const originOf = (request: { ip: string; headers: Record<string, unknown>; id: string }) => ({
      ip: request.ip,
      userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
      requestId: request.id,
    });

    app.post(
      '/api/v1/auth/password-reset',
      { schema: { tags, body: PasswordResetRequest, response: { 202: PasswordResetAccepted, ...errorResponses } } },
      async (request, reply) => {
        await services.passwordLinks.requestReset(request.body.email, originOf(request));
        return reply.status(202).send({
          message: 'If this address belongs to an account, a link to choose a new password has been sent to it.',
        });
      },
    );

    app.post(
      '/api/v1/auth/password-reset/complete',
      { schema: { tags, body: PasswordLinkCompletion, response: { 204: NoContent, ...gone, ...errorResponses } } },
      async (request, reply) => {
        await services.passwordLinks.completeReset(request.body.token, request.body.password, originOf(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/invitation',
      { schema: { tags, querystring: InvitationQuery, response: { 200: InvitationInfo, ...gone, ...errorResponses } } },
      (request) => services.passwordLinks.invitationInfo(request.query.token),
    );

    app.post(
      '/api/v1/auth/invitation/accept',
      { schema: { tags, body: PasswordLinkCompletion, response: { 200: SessionInfo, ...gone, ...errorResponses } } },
      async (request, reply) => {
        const { token, info } = await services.passwordLinks.acceptInvitation(
          request.body.token,
          request.body.password,
          originOf(request),
        );
        setSessionCookie(request, reply, { token, expiresAt: info.expiresAt }, options.secureCookies);
        return info;
      },
    );

    app.post(
      '/api/v1/users/:userId/invitation',
      { schema: { tags: ['users'], params: idParam('userId'), response: { 202: InvitationSent, ...errorResponses } } },
      async (request, reply) => {
        const sent = await services.passwordLinks.invite(ctxOf(request), request.params.userId);
        return reply.status(202).send(sent);
      },
    );
  };
}
