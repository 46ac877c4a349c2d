import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../core/errors.js';

interface ErrorReply {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Duplicate keys and dangling references that slipped past a service check (two writers racing). */
function fromDatabase(error: { code?: unknown }): ErrorReply | null {
  const code = String(error.code ?? '');
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { status: 409, code: 'conflict', message: 'This record already exists' };
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return {
      status: 409,
      code: 'conflict',
      message: 'This record is referenced by others, or refers to one that does not exist',
    };
  }
  return null;
}

function fromFastify(error: FastifyError): ErrorReply | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', message: 'The request body is larger than this route accepts' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = error.message.split("'")[1];
      const message = type
        ? `Content-Type ${type} is not accepted here`
        : 'A Content-Type header is required with a body';
      return { status: 415, code: 'unsupported_media_type', message };
    }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_json', message: 'The body is empty but Content-Type says JSON' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'malformed_json', message: 'The body is not valid JSON' };
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return { status: 400, code: 'malformed_json', message: `The body is not valid JSON: ${error.message}` };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, code: 'bad_request', message: error.message };
  }
  return null;
}

/** One error format for every route; internals are logged, never sent. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let out: ErrorReply | null = null;
    if (error instanceof AppError) {
      out = { status: error.status, code: error.code, message: error.message, details: error.details };
      const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (error.status === 429 && retry) void reply.header('retry-after', String(retry));
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      // Body fields are named as in the body (like the rule checks of the services); query and path ones say so.
      const where = error.validationContext ?? 'body';
      const details = error.validation.map((v) => {
        const path = v.instancePath
          .split('/')
          .filter(Boolean)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        return { path: where === 'body' ? path : [where, ...path], message: v.message ?? 'invalid' };
      });
      const first = details[0];
      out = {
        status: 400,
        code: 'validation',
        message: first ? `${first.path.join('.') || where}: ${first.message}` : 'The request is not valid',
        details,
      };
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    } else {
      out = fromDatabase(error as { code?: unknown }) ?? fromFastify(error);
    }
    if (!out) {
      request.log.error({ err: error }, 'unhandled error');
      out = { status: 500, code: 'internal', message: `Something went wrong on our side (request ${request.id})` };
    }
    const body = {
      error: { code: out.code, message: out.message, ...(out.details !== undefined && { details: out.details }) },
    };
    return reply.status(out.status).send(body);
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
