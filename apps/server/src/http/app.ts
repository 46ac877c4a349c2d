import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { AppError } from '../core/errors.js';
import { assetRoutes } from '../modules/assets/assets.routes.js';
import { attachmentRoutes } from '../modules/attachments/attachments.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { clientRoutes } from '../modules/clients/clients.routes.js';
import { contractRoutes } from '../modules/contracts/contracts.routes.js';
import { authRoutes } from '../modules/identity/auth.routes.js';
import { passwordLinkRoutes } from '../modules/identity/password-links.routes.js';
import { tokenRoutes } from '../modules/identity/tokens.routes.js';
import { userRoutes } from '../modules/identity/users.routes.js';
import { importRoutes } from '../modules/imports/imports.routes.js';
import { knowledgeRoutes } from '../modules/knowledge/knowledge.routes.js';
import { inboundMailRoutes } from '../modules/mail/intake/inbound-mail.routes.js';
import { mailLogRoutes } from '../modules/mail/outbound/mail-log.routes.js';
import { monitoringRoutes } from '../modules/monitoring/monitoring.routes.js';
import { registerMonitoringMetrics } from '../modules/monitoring/monitoring-metrics.js';
import { reportRoutes } from '../modules/reports/reports.routes.js';
import { ticketSetupRoutes } from '../modules/tickets/ticket-setup.routes.js';
import { ticketRoutes } from '../modules/tickets/tickets.routes.js';
import { interventionRoutes } from '../modules/work/interventions.routes.js';
import { timeRoutes } from '../modules/work/time.routes.js';
import { registerAuthentication } from './authenticate.js';
import { registerErrorHandling } from './error-handler.js';
import { healthRoutes } from './health.routes.js';
import { registerMetrics } from './metrics.js';
import { serializerCompiler } from './serializer.js';
import type { Services } from './services.js';
import { registerWebApp } from './web.js';

export interface AppOptions {
  config: Pick<Config, 'http' | 'logLevel' | 'webDir'> & Partial<Pick<Config, 'metricsToken'>>;
  services: Services;
  logger?: boolean;
}

/** Assembles the HTTP server: conventions first (errors, auth, metrics, OpenAPI), then each area's routes. */
export async function buildApp({ config, services, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // Request lines are left to the metrics; errors are still logged with their request id.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // Many HTTP clients send Content-Type: application/json on a request without a body (a DELETE, an action such as
  // /take): that is not malformed JSON. A route that needs a body still says so through its schema.
  app.addHook('onRequest', async (request) => {
    const length = request.headers['content-length'];
    const bodyless = (length === undefined || length === '0') && request.headers['transfer-encoding'] === undefined;
    // Only JSON: an empty CSV upload is still a file, refused as empty by its route.
    if (bodyless && request.headers['content-type']?.toLowerCase().startsWith('application/json')) {
      delete request.headers['content-type'];
    }
  });
  // PostgreSQL refuses NUL characters in text and JSON (SQLite keeps them): refused on both, as a bad request.
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.query) || holdsNul(request.body)) {
      throw new AppError(400, 'validation', 'Text may not contain NUL characters');
    }
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/v1/')) void reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Vigie API',
        version: '1',
        description:
          'The HTTP API of Vigie. Cookie sessions need X-CSRF-Token on writes; integrations use Bearer API tokens.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vigie_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  registerAuthentication(app, services.auth);
  // A change that succeeded may call for mail (a ticket event, a link): the outbound worker looks at once.
  app.addHook('onResponse', async (request, reply) => {
    // A write may have queued mail; agents' batches never do (they are the busiest writers by far).
    const mayQueueMail =
      request.method !== 'GET' && request.method !== 'HEAD' && !request.url.startsWith('/api/v1/agent/');
    if (mayQueueMail && reply.statusCode < 400) services.outboundMail.wake();
  });
  registerMonitoringMetrics(registerMetrics(app, config.metricsToken ?? null), services);
  await app.register(healthRoutes(services.db));
  await app.register(authRoutes(services, { secureCookies: config.http.publicUrl?.startsWith('https://') ?? false }));
  await app.register(userRoutes(services));
  await app.register(tokenRoutes(services));
  await app.register(clientRoutes(services));
  await app.register(contractRoutes(services));
  await app.register(assetRoutes(services));
  await app.register(importRoutes(services, config.http));
  await app.register(auditRoutes(services));
  await app.register(ticketRoutes(services));
  await app.register(ticketSetupRoutes(services));
  await app.register(monitoringRoutes(services, config.http.publicUrl ?? null));
  await app.register(knowledgeRoutes(services));
  await app.register(timeRoutes(services));
  await app.register(interventionRoutes(services));
  await app.register(reportRoutes(services));
  await app.register(mailLogRoutes(services));
  await app.register(attachmentRoutes(services));
  await app.register(inboundMailRoutes(services));
  await app.register(
    passwordLinkRoutes(services, { secureCookies: config.http.publicUrl?.startsWith('https://') ?? false }),
  );
  await registerWebApp(app, config.webDir);
  return app;
}

/** Whether a parsed body or query string holds a NUL character in a string or a key (uploads are buffers: left alone). */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || holdsNul(inner));
}
