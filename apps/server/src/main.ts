import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { type Clock, systemClock } from './core/clock.js';
import { type Db, openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { type DemoSupervision, type DemoSupervisionOptions, startDemoSupervision } from './demo/demo-monitoring.js';
import { loadDemo } from './demo/load-demo.js';
import { buildApp } from './http/app.js';
import { buildServices, type Services } from './http/services.js';
import { ensureFirstAdmin } from './modules/identity/bootstrap.js';
import { type RunningIntake, startMailIntake } from './modules/mail/intake/intake-runtime.js';
import { monitoringSettingsOf, startMonitoringJobs } from './modules/monitoring/monitoring-runtime.js';
import { ReportScheduler } from './modules/reports/report-scheduler.js';
import { SlaScheduler } from './modules/tickets/sla-scheduler.js';

export interface Running {
  app: FastifyInstance;
  db: Db;
  services: Services;
  scheduler: SlaScheduler;
  url: string;
  firstAdmin: { email: string; password: string; generated: boolean } | null;
  demoLoaded: boolean;
  /** Mail intake (SMTP listener, IMAP poller); `smtpPort` null when disabled. */
  intake: RunningIntake;
  /** The demo's live supervision (local agent, server checks, demo service); null when not running. */
  demoSupervision: DemoSupervision | null;
  stop(): Promise<void>;
}

/** Opens and migrates the database, creates the first admin (and the demo on a new database), then serves HTTP. */
export async function startServer(
  config: Config,
  options: {
    clock?: Clock;
    logger?: boolean;
    scheduler?: boolean;
    mail?: boolean;
    /** Shorter demo supervision timings (tests). */
    demoSupervision?: DemoSupervisionOptions;
  } = {},
): Promise<Running> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    const isNewDatabase = applied.includes('0001-identity');
    const services = buildServices(
      db,
      clock,
      config.auth,
      config.jobs,
      {
        supportAddress: config.mail.supportAddress,
        relayUrl: config.mail.relayUrl,
        maxMessageBytes: config.mail.maxMessageBytes,
        publicUrl: config.http.publicUrl ?? undefined,
      },
      monitoringSettingsOf(config),
    );
    const firstAdmin = await ensureFirstAdmin(db, clock, config.admin);
    const demoLoaded = isNewDatabase && config.demo && (await loadDemo(services));
    // The demo's made-up history is not news to anyone: none of it is mailed.
    if (demoLoaded) await services.outboundMail.composer.skipPending();
    const app = await buildApp({ config, services, logger: options.logger ?? true });
    const scheduler = new SlaScheduler(db, clock, (error) =>
      app.log.error({ err: error }, 'SLA scheduler pass failed'),
    );
    if (options.scheduler !== false) scheduler.start(config.jobs.intervalMs);
    // The monthly SLA report, mailed to each client's managers on the first business day of the month.
    const reportScheduler = new ReportScheduler(db, clock, services.reports, (error) =>
      app.log.error({ err: error }, 'Monthly report send pass failed'),
    );
    if (options.scheduler !== false) reportScheduler.start(config.jobs.intervalMs);
    const monitoringJobs = startMonitoringJobs(services, app.log, options.scheduler !== false);
    await app.listen({ host: config.http.host, port: config.http.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;
    const url = config.http.publicUrl ?? `http://${host}:${port}`;
    // Links in mail (portal, reset, invitation) point at the address people reach the server on.
    services.outboundMail.settings.publicUrl = url.replace(/\/+$/, '');
    services.passwordLinks.onError = (error) => app.log.error({ err: error }, 'A password reset link was not written');
    if (options.mail !== false) {
      services.outboundMail.useErrorLog((error) => app.log.error({ err: error }, 'Outbound mail pass failed'));
      services.outboundMail.start(config.mail.outboxIntervalMs);
    }
    const intake = await startMailIntake(
      options.mail === false ? { ...config, smtpPort: 0 } : config,
      services,
      app.log,
    );
    const demoSupervision = await startDemoSupervision(
      services,
      app.log,
      {
        enabled: config.monitoring.demoAgent,
        demoLoaded,
        dataDir: config.dataDir,
        localUrl: localUrlOf(address, port),
        smtpPort: intake.smtpPort,
        smtpHost: config.mail.smtpHost,
      },
      options.demoSupervision,
    );
    return {
      app,
      db,
      services,
      scheduler,
      url,
      firstAdmin,
      demoLoaded,
      intake,
      demoSupervision,
      async stop() {
        await demoSupervision?.stop();
        await intake.stop();
        await scheduler.stop();
        await reportScheduler.stop();
        await monitoringJobs.stop();
        await services.outboundMail.stop();
        await app.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** The server's address as seen from this machine (the demo agent and its checks use it, whatever the public URL). */
function localUrlOf(address: ReturnType<FastifyInstance['server']['address']>, port: number): string {
  const host = typeof address === 'object' && address ? address.address : '127.0.0.1';
  if (host === '0.0.0.0' || host === '::' || host === '') return `http://127.0.0.1:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}
