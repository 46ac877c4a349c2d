import { SERVER_CHECK_KINDS } from '@vigie/contracts';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { conflict } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import type { AssetService } from '../assets/assets.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OutboundSettings } from '../mail/outbound/outbound-settings.js';
import { AlertTickets } from '../tickets/alert-tickets.js';
import type { TicketService } from '../tickets/tickets.service.js';
import { AgentApiService, type AgentCadence, DEFAULT_AGENT_CADENCE } from './agent/agent-api.service.js';
import { AgentService } from './agent/agents.service.js';
import { BatchIngest } from './agent/batch-ingest.service.js';
import { AlertRaiser } from './alerts/alert-raiser.js';
import { AlertService } from './alerts/alerts.service.js';
import { BoardBus } from './alerts/board-bus.js';
import { AssetMonitoringService } from './asset-monitoring.service.js';
import { AvailabilityService } from './availability/availability.service.js';
import { CheckService } from './checks/checks.service.js';
import { CheckEngine, type EngineOutcome } from './engine/check-engine.js';
import { ServerCheckRunner } from './jobs/server-check-runner.js';
import { SupervisionSweep } from './jobs/supervision-sweep.js';
import { MaintenanceService } from './maintenance/maintenance.service.js';
import { MetricService } from './metrics/metric.service.js';
import { MetricRollupJob } from './metrics/metric-rollup-job.js';
import { NotificationService } from './notifications/notification.service.js';

/** Installation-wide supervision settings (config: VIGIE_AGENT_OFFLINE_SECONDS, VIGIE_ALERT_REOPEN_MINUTES). */
export interface MonitoringSettings {
  cadence: AgentCadence;
  reopenWindowMs: number;
}

export const DEFAULT_MONITORING_SETTINGS: MonitoringSettings = {
  cadence: DEFAULT_AGENT_CADENCE,
  reopenWindowMs: 4 * 3_600_000,
};

/** The supervision services and jobs, wired once (DOMAIN §6). */
export function buildMonitoringServices(
  db: Db,
  clock: Clock,
  audit: AuditService,
  outbound: OutboundSettings,
  deps: { tickets: TicketService; assets: AssetService },
  settings: MonitoringSettings = DEFAULT_MONITORING_SETTINGS,
) {
  const maintenance = new MaintenanceService(db, clock, audit);
  const metrics = new MetricService(db, clock);
  const notifications = new NotificationService(db, clock, audit, outbound);
  const bus = new BoardBus();
  const offline = settings.cadence.offlineSeconds;
  const alerts = new AlertService(db, clock, audit, bus, offline);
  const raiser = new AlertRaiser(new AlertTickets(clock, deps.tickets), notifications, settings.reopenWindowMs);
  const engine = new CheckEngine(raiser, maintenance);
  const checks = new CheckService(db, clock, audit, maintenance);
  const agents = new AgentService(db, clock, audit, offline);
  const availability = new AvailabilityService(db, clock, maintenance);
  const publish = (outcome: EngineOutcome) => {
    void alerts.publishOutcome(outcome).catch(() => undefined);
  };
  const ingest = new BatchIngest(db, clock, engine, metrics);
  ingest.onCommitted = publish;
  const checkRunner = new ServerCheckRunner(db, clock, engine, metrics);
  checkRunner.onCommitted = publish;
  const sweep = new SupervisionSweep(db, clock, engine);
  sweep.onCommitted = publish;
  const serverKinds: readonly string[] = SERVER_CHECK_KINDS;
  return {
    settings,
    metrics,
    maintenance,
    availability,
    notifications,
    alerts,
    engine,
    checks,
    agents,
    agentApi: new AgentApiService(db, clock, audit, deps.assets, settings.cadence),
    ingest,
    assetMonitoring: new AssetMonitoringService(db, { agents, checks, alerts, metrics, availability }),
    jobs: {
      checkRunner,
      sweep,
      rollups: new MetricRollupJob(db, clock),
      notifications: notifications.sender,
    },
    /** "Run now" from the console: server checks only (an agent's run on its own schedule). */
    async runNow(ctx: Ctx, checkId: string) {
      const row = await checks.operable(ctx, checkId);
      if (!serverKinds.includes(row.kind)) throw conflict('This check runs on the agent, at its own interval');
      await checkRunner.runAll([row]);
      return checks.get(ctx, checkId);
    },
  };
}
export type MonitoringServices = ReturnType<typeof buildMonitoringServices>;
