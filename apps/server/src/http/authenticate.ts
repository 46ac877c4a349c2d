import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthorized } from '../core/errors.js';
import type { AuthService } from '../modules/identity/auth.service.js';

export const SESSION_COOKIE = 'vigie_session';

/** Hands the browser its session: HttpOnly, SameSite=Lax, Secure under HTTPS, gone when the session expires. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: string },
  secureCookies: boolean,
): void {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies || request.protocol === 'https',
    path: '/',
    expires: new Date(session.expiresAt),
  });
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ADMIN_PATHS = [/^\/api\/v1\/users/];

/**
 * Resolves the caller of every /api request (cookie session or bearer token), then enforces
 * CSRF on cookie writes and API token scopes. Routes then only need `ctxOf(request)`.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    // Agents carry their own credential, checked by the agent API itself.
    if (!request.url.startsWith('/api/v1/') || request.url.startsWith('/api/v1/agent/')) return;
    const bearer = bearerOf(request);
    if (bearer !== null) {
      request.auth = await auth.fromApiToken(bearer);
      if (!request.auth) throw unauthorized('API token unknown, expired or revoked');
      checkScopes(request);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await auth.fromSessionToken(token);
    if (!found) return;
    request.auth = found;
    if (
      !SAFE_METHODS.has(request.method) &&
      found.session &&
      !auth.csrfMatches(found.session, headerOf(request, 'x-csrf-token'))
    ) {
      throw new AppError(403, 'csrf', 'Missing or wrong X-CSRF-Token header (take it from GET /api/v1/auth/session)');
    }
  });
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function bearerOf(request: FastifyRequest): string | null {
  const header = headerOf(request, 'authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized('Authorization header must be "Bearer <token>"');
  return match[1];
}

function checkScopes(request: FastifyRequest): void {
  const scopes = request.auth?.actor.scopes;
  if (!scopes) return;
  // The matched route pattern, not the raw URL: encoded or odd spellings of a path must not dodge the check.
  const path = request.routeOptions.url ?? request.url;
  if (ADMIN_PATHS.some((p) => p.test(path)) && !scopes.includes('admin'))
    throw forbidden('This token lacks the admin scope');
  const needed = SAFE_METHODS.has(request.method) ? 'read' : 'write';
  if (!scopes.includes(needed) && !scopes.includes('admin')) throw forbidden(`This token lacks the ${needed} scope`);
}
