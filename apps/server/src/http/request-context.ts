import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../core/actor.js';
import { unauthorized } from '../core/errors.js';
import type { Authenticated } from '../modules/identity/auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

/** The service context of an authenticated request; 401 otherwise. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.auth) throw unauthorized();
  return { actor: request.auth.actor, requestId: request.id };
}
