import { createServer, type Server } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';

/** A short French-or-English-neutral span for log lines and the demo check name: "2 min", "30 s". */
export function duration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}

/**
 * The in-process demo service: a TCP port on 127.0.0.1 that answers, closes once after `upMs` and opens again on the
 * same port `downMs` later. Only the demo's check looks at it.
 */
export class DemoService {
  private server: Server | null = null;
  private timers: NodeJS.Timeout[] = [];

  private constructor(public port: number) {}

  static async start(timing: { upMs: number; downMs: number }, log: FastifyBaseLogger): Promise<DemoService> {
    const service = new DemoService(0);
    service.port = await service.open(0);
    log.info(
      `Demo service listening on 127.0.0.1:${service.port}; it stops in ${duration(timing.upMs)} for ${duration(timing.downMs)}`,
    );
    service.timers.push(
      setTimeout(() => {
        log.info(`Demo service on 127.0.0.1:${service.port} stops now (a demo outage: expect one alert)`);
        void service.close();
      }, timing.upMs),
      setTimeout(() => {
        service.open(service.port).then(
          () => log.info(`Demo service on 127.0.0.1:${service.port} is back (the alert will recover)`),
          (error: unknown) => log.warn({ err: error }, 'Demo service could not listen again'),
        );
      }, timing.upMs + timing.downMs),
    );
    for (const timer of service.timers) timer.unref();
    return service;
  }

  private open(port: number): Promise<number> {
    return new Promise((done, fail) => {
      const server = createServer((socket) => {
        socket.on('error', () => undefined);
        socket.end('vigie demo service\r\n');
      });
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        this.server = server;
        const address = server.address();
        done(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  private close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((done) => server.close(() => done()));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.close();
  }
}
