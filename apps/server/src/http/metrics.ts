import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { safeEqual } from '../modules/identity/secrets.js';

/** Prometheus figures of this process: Node's own, and HTTP latency per route. */
export function registerMetrics(app: FastifyInstance, token: string | null): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigie_' });
  const duration = new Histogram({
    name: 'vigie_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'vigie_http_server_errors_total',
    help: 'Responses with a 5xx status',
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc();
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token && !safeEqual(request.headers.authorization ?? '', `Bearer ${token}`)) {
      return reply
        .status(401)
        .send({ error: { code: 'unauthorized', message: 'Metrics need the VIGIE_METRICS_TOKEN bearer' } });
    }
    void reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
  return registry;
}
