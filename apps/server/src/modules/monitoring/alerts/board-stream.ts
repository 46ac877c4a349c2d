import type { BoardEvent } from '@vigie/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, clientScopeOf, inScope } from '../../../core/actor.js';
import { monitoringReadScope } from '../monitoring.policy.js';
import type { BoardBus } from './board-bus.js';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the live board: every change the viewer may see (their clients only), as `data: <json>`,
 * with a comment every 15 s so proxies keep the connection; the browser's EventSource reconnects by itself.
 */
export function streamBoard(request: FastifyRequest, reply: FastifyReply, bus: BoardBus, actor: Actor): FastifyReply {
  monitoringReadScope(actor); // refuses roles that see no supervision before anything is streamed
  const scope = clientScopeOf(actor);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n: connected\n\n');
  const visible = (event: BoardEvent) => inScope(scope, event.type === 'alert' ? event.alert.clientId : event.clientId);
  const unsubscribe = bus.subscribe((event) => {
    if (visible(event)) res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  request.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  return reply;
}
