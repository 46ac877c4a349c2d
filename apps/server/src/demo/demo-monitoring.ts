/**
 * The demo's supervision: the machine Vigie runs on, watched for real. On a new demo database the machine becomes an
 * asset of Acme Logistique (the client with full remote management, whose manager also sees the board in the
 * portal), next to a weekly maintenance window and a mail notification rule. Each start then (re)creates a few server
 * checks against what answers locally (Vigie's own /readyz, its SMTP intake, ping, a local resolver), opens a small
 * TCP "demo service" that stops once a couple of minutes after the start and comes back a few minutes later (one
 * alert, its ticket, the recovery that resolves it), and runs the real vigie-agent on this machine (metrics,
 * inventory, check_load, a systemd unit).
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CheckConfig, type CheckInput } from '@vigie/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { systemCtx } from '../core/actor.js';
import { fromJson } from '../db/dialect.js';
import type { Services } from '../http/services.js';
import { DemoAgent, type DemoAgentIdentity } from '../modules/monitoring/demo-agent.js';
import { runProbe } from '../modules/monitoring/probes/probe.js';
import { DemoService, duration } from './demo-service.js';

const DEMO_CLIENT = 'ACME';
const MANAGER = 'paul.martin@vigie.local';
const CHECK_LOAD = '/usr/lib/nagios/plugins/check_load';
/** Check names start with these keys: a later start finds its checks by them and updates their ports. */
const KEYS = {
  readyz: 'Vigie — API /readyz',
  smtp: 'Vigie — réception SMTP',
  ping: 'Ping de la machine (127.0.0.1)',
  dns: 'Résolveur DNS local',
  demoService: 'Service de démo Vigie',
  load: 'Charge de la machine (check_load)',
  journald: 'Journal systemd (systemd-journald.service)',
} as const;

/** Creates, on a new demo database, the asset for this machine, a maintenance window and a notification rule. */
export async function loadDemoMonitoring(services: Services): Promise<void> {
  const clientId = await services.clients.idByCode(DEMO_CLIENT);
  if (!clientId) throw new Error('the demo client ACME is missing');
  const name = machineName();
  await services.assets.createMany(systemCtx, clientId, [
    {
      clientId,
      siteId: null,
      name,
      type: 'server',
      criticality: 3,
      status: 'in_service',
      ownerContactId: null,
      vendorId: null,
      vendorContractRef: null,
      attributes: { hostname: name, ip_address: '127.0.0.1' },
      notes:
        'Démo : la machine sur laquelle tourne ce serveur Vigie, supervisée pour de vrai (agent local, contrôles ' +
        'serveur, service de démo qui tombe une fois après le démarrage).',
    },
  ]);
  // A weekly patch night on the ERP's database server, so the maintenance calendar has something in it.
  const erp = await services.db
    .selectFrom('assets')
    .select('id')
    .where('client_id', '=', clientId)
    .where('name', '=', 'mssql-erp')
    .executeTakeFirst();
  if (erp) {
    await services.monitoring.maintenance.create(systemCtx, {
      clientId,
      scope: 'asset',
      scopeId: erp.id,
      title: 'Mises à jour Windows du dimanche soir',
      startsAt: lastSundayEvening(services.clock.now()).toISOString(),
      durationMinutes: 180,
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      timeZone: 'Europe/Paris',
    });
  }
  // Mail, kept in the outbox until a relay is configured: nothing leaves the machine, everything can be read.
  await services.monitoring.notifications.createRule(systemCtx, {
    name: 'Alertes Acme Logistique → Paul Martin (responsable)',
    clientId,
    teamId: null,
    minSeverity: 'warning',
    channel: 'email',
    target: MANAGER,
    format: 'text',
    repeatMinutes: null,
    enabled: true,
  });
}

/** Timings of the demo: the real ones for a newcomer, shorter ones in tests. */
export interface DemoSupervisionOptions {
  /** How often the local agent measures (seconds). */
  metricsSeconds?: number;
  /** How often the agent runs its plugins (seconds; default: each check's interval). */
  pluginSeconds?: number;
  /** The demo service answers this long after the start, then is down for `downMs`, then answers again. */
  demoService?: { upMs: number; downMs: number; intervalSeconds: number };
}

const DEFAULTS = {
  metricsSeconds: 15,
  demoService: { upMs: 120_000, downMs: 180_000, intervalSeconds: 30 },
};

export interface DemoSupervision {
  /** The agent's process while it runs (null when it could not start). */
  readonly agentPid: number | null;
  readonly assetId: string;
  summary: {
    agent: { metricsSeconds: number } | null;
    serverChecks: number;
    agentChecks: number;
    demoService: { upSeconds: number; downSeconds: number } | null;
  };
  stop(): Promise<void>;
}

/**
 * After listen: the demo's live supervision, when VIGIE_DEMO_AGENT is on and the demo was loaded on this database (or
 * an earlier start left the agent's state in VIGIE_DATA_DIR/demo-agent). Never throws: what fails is logged and the
 * server goes on without it.
 */
export async function startDemoSupervision(
  services: Services,
  log: FastifyBaseLogger,
  settings: {
    enabled: boolean;
    demoLoaded: boolean;
    dataDir: string;
    /** The server's address from this machine (the agent and the HTTP check use it). */
    localUrl: string;
    smtpPort: number | null;
    smtpHost: string;
  },
  options: DemoSupervisionOptions = {},
): Promise<DemoSupervision | null> {
  const stateDir = join(settings.dataDir, 'demo-agent');
  const agent = new DemoAgent(stateDir, log);
  const identity = agent.identity();
  if (!settings.demoLoaded && !identity) return null;
  const timings = { ...DEFAULTS, ...options, demoService: options.demoService ?? DEFAULTS.demoService };
  let demoService: DemoService | null = null;
  try {
    const assetId = await machineAsset(services, identity);
    if (!assetId) {
      log.warn('Demo supervision: this database has no asset for this machine; nothing started');
      return null;
    }
    if (!settings.enabled) {
      // Off after an earlier start: the demo service is not there, so its check would only raise a false alarm.
      await disableCheck(services, assetId, KEYS.demoService);
      return null;
    }
    demoService = await DemoService.start(timings.demoService, log);
    const serverChecks = await ensureServerChecks(services, assetId, settings, demoService.port, timings.demoService);

    let agentChecks = 0;
    let agentRunning = false;
    const enrolled = await enrolledAgent(services, agent, identity, settings, assetId, log);
    if (enrolled) {
      agentChecks = await ensureAgentChecks(services, enrolled.assetId);
      agent.start({ metricsSeconds: timings.metricsSeconds, pluginSeconds: options.pluginSeconds });
      agentRunning = true;
    }
    const service = demoService;
    return {
      get agentPid() {
        return agent.pid;
      },
      assetId,
      summary: {
        agent: agentRunning ? { metricsSeconds: timings.metricsSeconds } : null,
        serverChecks,
        agentChecks,
        demoService: {
          upSeconds: Math.round(timings.demoService.upMs / 1000),
          downSeconds: Math.round(timings.demoService.downMs / 1000),
        },
      },
      async stop() {
        await agent.stop();
        await service.stop();
      },
    };
  } catch (error) {
    log.error({ err: error }, 'Demo supervision could not start; the server goes on without it');
    await agent.stop();
    await demoService?.stop();
    return null;
  }
}

/** The agent enrolled on this database, enrolling it first when needed; null when it cannot (logged). */
async function enrolledAgent(
  services: Services,
  agent: DemoAgent,
  identity: DemoAgentIdentity | null,
  settings: { localUrl: string },
  assetId: string,
  log: FastifyBaseLogger,
): Promise<DemoAgentIdentity | null> {
  const row = identity
    ? await services.db.selectFrom('agents').select('status').where('id', '=', identity.agentId).executeTakeFirst()
    : undefined;
  if (identity && row?.status === 'revoked') {
    log.info('Demo supervision: the local agent was revoked in the console; it is not started');
    return null;
  }
  // Enrolled once; again only for a new database or when the server moved to another address.
  if (identity && row && identity.server === settings.localUrl) return identity;
  const asset = await services.db
    .selectFrom('assets')
    .select('client_id')
    .where('id', '=', assetId)
    .executeTakeFirstOrThrow();
  try {
    const enrollment = await services.monitoring.agents.createEnrollment(
      systemCtx,
      { clientId: asset.client_id, label: 'Démo : la machine du serveur Vigie', expiresInHours: 1 },
      settings.localUrl,
    );
    return await agent.enroll(settings.localUrl, enrollment.token, identity !== null);
  } catch (error) {
    log.error({ err: error }, 'Demo supervision: the local agent could not enroll; it is not started');
    return null;
  }
}

/** The asset of this machine: the agent's own, else the one the demo created (named after this machine). */
async function machineAsset(services: Services, identity: DemoAgentIdentity | null): Promise<string | null> {
  if (identity) {
    const known = await services.db
      .selectFrom('assets')
      .select('id')
      .where('id', '=', identity.assetId)
      .executeTakeFirst();
    if (known) return known.id;
  }
  const clientId = await services.clients.idByCode(DEMO_CLIENT);
  if (!clientId) return null;
  const row = await services.db
    .selectFrom('assets')
    .select('id')
    .where('client_id', '=', clientId)
    .where('name', '=', machineName())
    .executeTakeFirst();
  return row?.id ?? null;
}

type Wanted = Omit<CheckInput, 'assetId' | 'config' | 'enabled'> & { key: string; config: CheckConfig };

async function ensureServerChecks(
  services: Services,
  assetId: string,
  settings: { localUrl: string; smtpPort: number | null; smtpHost: string },
  demoPort: number,
  demoService: { upMs: number; downMs: number; intervalSeconds: number },
): Promise<number> {
  const wanted: Wanted[] = [
    {
      key: KEYS.readyz,
      name: `${KEYS.readyz} (HTTP)`,
      config: CheckConfig.parse({ kind: 'http', url: `${settings.localUrl}/readyz`, keyword: 'ready', warnMs: 1000 }),
      intervalSeconds: 30,
      timeoutMs: 5000,
      maxAttempts: 3,
    },
    {
      key: KEYS.demoService,
      name: `${KEYS.demoService} (TCP local : s’arrête ${duration(demoService.upMs)} après le démarrage, revient ${duration(demoService.downMs)} plus tard)`,
      config: CheckConfig.parse({ kind: 'tcp', host: '127.0.0.1', port: demoPort }),
      intervalSeconds: demoService.intervalSeconds,
      timeoutMs: 3000,
      maxAttempts: 2,
    },
  ];
  if (settings.smtpPort !== null) {
    const host = ['0.0.0.0', '::'].includes(settings.smtpHost) ? '127.0.0.1' : settings.smtpHost;
    wanted.push({
      key: KEYS.smtp,
      name: `${KEYS.smtp} (TCP ${settings.smtpPort})`,
      config: CheckConfig.parse({ kind: 'tcp', host, port: settings.smtpPort }),
      intervalSeconds: 60,
      timeoutMs: 5000,
      maxAttempts: 3,
    });
  }
  const ping = CheckConfig.parse({ kind: 'icmp', host: '127.0.0.1' });
  // Only where `ping` works: a ping without the raw-socket privilege would put the whole machine down.
  if ((await runProbe(ping, 2000)).status === 'ok') {
    wanted.push({
      key: KEYS.ping,
      name: KEYS.ping,
      config: ping,
      intervalSeconds: 30,
      timeoutMs: 2000,
      maxAttempts: 3,
      hostCheck: true,
    });
  }
  const resolver = await localResolver();
  if (resolver) {
    wanted.push({
      key: KEYS.dns,
      name: `${KEYS.dns} (${resolver.server})`,
      config: resolver.config,
      intervalSeconds: 60,
      timeoutMs: 3000,
      maxAttempts: 3,
    });
  }
  // No TLS check: nothing on this machine is known to serve TLS (Vigie itself speaks plain HTTP here).
  await ensureChecks(services, assetId, wanted);
  return wanted.length;
}

async function ensureAgentChecks(services: Services, assetId: string): Promise<number> {
  const wanted: Wanted[] = [];
  if (existsSync(CHECK_LOAD)) {
    wanted.push({
      key: KEYS.load,
      name: KEYS.load,
      config: CheckConfig.parse({ kind: 'plugin', command: [CHECK_LOAD, '-w', '8,6,4', '-c', '16,12,8'] }),
      intervalSeconds: 60,
      timeoutMs: 10000,
      maxAttempts: 3,
    });
  }
  if (systemdIsInit()) {
    wanted.push({
      key: KEYS.journald,
      name: KEYS.journald,
      config: CheckConfig.parse({ kind: 'service', unit: 'systemd-journald.service' }),
      intervalSeconds: 60,
      timeoutMs: 10000,
      maxAttempts: 3,
    });
  }
  await ensureChecks(services, assetId, wanted);
  return wanted.length;
}

/** Creates the checks that are missing; those already there get the current ports and are enabled again. */
async function ensureChecks(services: Services, assetId: string, wanted: Wanted[]): Promise<void> {
  const existing = await services.db
    .selectFrom('checks')
    .select(['id', 'name', 'config', 'enabled'])
    .where('asset_id', '=', assetId)
    .execute();
  for (const { key, ...check } of wanted) {
    const found = existing.find((row) => row.name.startsWith(key));
    if (!found) {
      await services.monitoring.checks.create(systemCtx, { ...check, assetId, enabled: true });
      continue;
    }
    const sameConfig = JSON.stringify(fromJson(found.config)) === JSON.stringify(check.config);
    if (sameConfig && found.name === check.name && found.enabled === 1) continue;
    await services.monitoring.checks.update(systemCtx, found.id, {
      name: check.name,
      config: check.config,
      enabled: true,
    });
  }
}

async function disableCheck(services: Services, assetId: string, key: string): Promise<void> {
  const rows = await services.db
    .selectFrom('checks')
    .select(['id', 'name', 'enabled'])
    .where('asset_id', '=', assetId)
    .execute();
  for (const row of rows)
    if (row.name.startsWith(key) && row.enabled === 1)
      await services.monitoring.checks.update(systemCtx, row.id, { enabled: false });
}

/** A resolver on this machine's loopback (systemd-resolved, dnsmasq…) that answers, as a DNS check; else null. */
async function localResolver(): Promise<{ server: string; config: CheckConfig } | null> {
  let text = '';
  try {
    text = readFileSync('/etc/resolv.conf', 'utf8');
  } catch {
    return null;
  }
  const servers = [...text.matchAll(/^\s*nameserver\s+(\S+)/gm)]
    .map((match) => match[1] ?? '')
    .filter((server) => server.startsWith('127.') || server === '::1');
  for (const server of servers) {
    const config = CheckConfig.parse({ kind: 'dns', name: 'localhost', recordType: 'A', server });
    if ((await runProbe(config, 1500)).status === 'ok') return { server, config };
  }
  return null;
}

function systemdIsInit(): boolean {
  try {
    return readFileSync('/proc/1/comm', 'utf8').trim() === 'systemd';
  } catch {
    return false;
  }
}

/** The name the agent reports for this machine, so that its enrollment finds this asset. */
function machineName(): string {
  return hostname().slice(0, 255) || 'unknown';
}

/** The latest Sunday 21:00 UTC (22:00 or 23:00 in Paris) before `now`. */
function lastSundayEvening(now: Date): Date {
  const at = new Date(now);
  at.setUTCHours(21, 0, 0, 0);
  at.setUTCDate(at.getUTCDate() - at.getUTCDay());
  if (at > now) at.setUTCDate(at.getUTCDate() - 7);
  return at;
}
