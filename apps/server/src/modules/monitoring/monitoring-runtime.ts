import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Services } from '../../http/services.js';
import { DEFAULT_AGENT_CADENCE } from './agent/agent-api.service.js';
import type { MonitoringSettings } from './monitoring-services.js';

/** The configuration's supervision part as the services take it. */
export function monitoringSettingsOf(config: Config): MonitoringSettings {
  return {
    cadence: {
      ...DEFAULT_AGENT_CADENCE,
      metricsSeconds: config.monitoring.agentMetricsSeconds,
      offlineSeconds: config.monitoring.agentOfflineSeconds,
    },
    reopenWindowMs: config.monitoring.reopenMinutes * 60_000,
  };
}

/**
 * Starts supervision's timed work: server checks every second (each at its own phase), the sweep (offline agents,
 * problems a window or a parent silenced) every 15 s, metric rollups every minute, notifications every 5 s.
 */
export function startMonitoringJobs(services: Services, log: FastifyBaseLogger, enabled: boolean) {
  const { jobs } = services.monitoring;
  // An alert mail is written by the notification pass: the mail sender is woken then, not at its next tick.
  jobs.notifications.onMailQueued = () => services.outboundMail.wake();
  const onError = (what: string) => (error: unknown) => log.error({ err: error }, `${what} failed`);
  const all = [
    { job: jobs.checkRunner, every: 1_000, what: 'Server checks pass' },
    { job: jobs.sweep, every: 15_000, what: 'Supervision sweep' },
    { job: jobs.rollups, every: 60_000, what: 'Metric rollup pass' },
    { job: jobs.notifications, every: 5_000, what: 'Notification pass' },
  ];
  if (enabled) {
    for (const { job, every, what } of all) {
      job.useErrorLog(onError(what));
      job.start(every);
    }
  }
  return {
    async stop() {
      await Promise.all(all.map(({ job }) => job.stop()));
    },
  };
}
