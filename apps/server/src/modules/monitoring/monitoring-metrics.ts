import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Services } from '../../http/services.js';

/**
 * Supervision's own figures on /metrics: what agents send (batches, replays, results), how long server checks take,
 * and the depth of what waits (notifications to send, checks overdue, open alerts, live board viewers).
 */
export function registerMonitoringMetrics(registry: Registry, services: Services): void {
  const { ingest, jobs, notifications, alerts } = services.monitoring;
  const db = services.db;
  new Counter({
    name: 'vigie_agent_batches_total',
    help: 'Agent batches committed',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(ingest.stats.batches);
    },
  });
  new Counter({
    name: 'vigie_agent_batch_replays_total',
    help: 'Agent batches received again and acknowledged without being counted twice',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(ingest.stats.duplicates);
    },
  });
  new Counter({
    name: 'vigie_agent_results_total',
    help: 'Metric values and check results stored from agents',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(ingest.stats.results);
    },
  });
  new Counter({
    name: 'vigie_server_checks_total',
    help: 'Server-side checks run (ping, TCP, HTTP, TLS, DNS, SNMP)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(jobs.checkRunner.stats.runs);
    },
  });
  const latency = new Histogram({
    name: 'vigie_server_check_latency_seconds',
    help: 'Latency measured by server-side checks (recent runs)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
    collect() {
      this.reset();
      for (const ms of jobs.checkRunner.stats.lastDurationsMs) latency.observe(ms / 1000);
    },
  });
  new Gauge({
    name: 'vigie_notifications_pending',
    help: 'Alert notifications waiting to be sent (or retried)',
    registers: [registry],
    async collect() {
      this.set(await notifications.pendingCount());
    },
  });
  new Gauge({
    name: 'vigie_checks_overdue',
    help: 'Server checks whose run is more than a minute late',
    registers: [registry],
    async collect() {
      const late = new Date(Date.now() - 60_000).toISOString();
      const row = await db
        .selectFrom('checks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('enabled', '=', 1)
        .where('next_run_at', '<', late)
        .executeTakeFirst();
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: 'vigie_alerts_open',
    help: 'Open alerts',
    registers: [registry],
    async collect() {
      const row = await db
        .selectFrom('alerts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'open')
        .executeTakeFirst();
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: 'vigie_board_viewers',
    help: 'Live alert boards connected to this process',
    registers: [registry],
    collect() {
      this.set(alerts.bus.listeners);
    },
  });
}
