import { AgentApi, type ApiFailure } from './api-client.js';
import { collectInventory } from './collectors/inventory.js';
import { MetricsCollector } from './collectors/metrics.js';
import { collectServices } from './collectors/services.js';
import { collectUpdates } from './collectors/updates.js';
import { describeError, type Log } from './log.js';
import { runPlugin } from './plugin-runner.js';
import { AGENT_BATCH_MAX_BYTES, type AgentConfig, BatchItem } from './protocol.js';
import { DEFAULT_QUEUE_LIMITS, DiskQueue, type QueueLimits } from './queue.js';
import { Scheduler } from './scheduler.js';
import { DEFAULT_BACKOFF, Sender } from './sender.js';
import { AgentState } from './state.js';
import { AGENT_VERSION } from './version.js';

/** Exit code when the credential is refused or the machine is not enrolled: the unit's RestartPreventExitStatus. */
export const EXIT_NOT_AUTHORIZED = 78;

/** How `vigie-agent run` was started. The interval overrides are for tests and demos; the server's config rules otherwise. */
export interface DaemonOptions {
  stateDir: string;
  log: Log;
  verbose?: boolean;
  metricsSeconds?: number;
  pluginSeconds?: number;
  limits?: QueueLimits;
  /** Resolves when the daemon should stop (SIGTERM); the CLI passes the signal, tests a promise. */
  stopSignal?: Promise<void>;
}

const HOUR_MS = 3_600_000;

/**
 * The daemon: measures on the server's schedule, queues each result on disk, and sends the queue. Resolves with the
 * process exit code: 0 when stopped, 78 when the server refuses the credential (revoked or unknown).
 */
export async function runDaemon(options: DaemonOptions): Promise<number> {
  const { log } = options;
  const state = new AgentState(options.stateDir);
  state.ensure();
  let identity = state.readIdentity();
  let credential = state.readCredential();
  const queue = new DiskQueue(state.queueDir, state.rejectedDir, log, options.limits ?? DEFAULT_QUEUE_LIMITS);
  queue.open();
  const api = new AgentApi(identity.server, () => credential);
  const scheduler = new Scheduler();
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    log.warn(message);
  };

  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });

  let refusedSaid = false;
  const refused = (failure: ApiFailure) => {
    if (refusedSaid) return;
    refusedSaid = true;
    const why =
      failure.code === 'agent_revoked'
        ? 'this agent was revoked in the console'
        : failure.code === 'agent_unknown'
          ? 'the server does not know this agent (deleted, or another server)'
          : 'the server refused its credential';
    log.error(
      `stopped: ${why} (${failure.message.trim()}). The ${queue.stats().batches} queued batch(es) are kept in ${state.queueDir}; enroll again with a new token to resume.`,
    );
    finish(EXIT_NOT_AUTHORIZED);
  };

  let refreshing: Promise<void> | null = null;
  let refreshWanted = false;
  let rotatedForVersion: number | null = null;
  const refreshConfig = (): Promise<void> => {
    refreshing ??= (async () => {
      const result = await api.config();
      if (!result.ok) {
        if (result.kind === 'unauthorized') refused(result);
        else log.warn(`cannot fetch the configuration (${result.message}); keeping version ${identity.config.version}`);
        refreshWanted = true;
        return;
      }
      refreshWanted = false;
      if (result.value.version !== identity.config.version) {
        log.info(`configuration ${result.value.version} received (was ${identity.config.version})`);
      }
      identity = { ...identity, config: result.value };
      state.writeIdentity(identity);
      applyConfig(result.value);
      if (result.value.rotateCredential && rotatedForVersion !== result.value.version) {
        const rotated = await api.rotate();
        if (rotated.ok) {
          state.writeCredential(rotated.value.credential);
          credential = rotated.value.credential;
          rotatedForVersion = result.value.version;
          log.info('credential rotated at the server’s request');
        } else if (rotated.kind === 'unauthorized') {
          refused(rotated);
        } else {
          refreshWanted = true;
          log.warn(`cannot rotate the credential (${rotated.message}); will try again`);
        }
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const sender = new Sender(
    queue,
    api,
    log,
    {
      acknowledged: (ack) => {
        if (ack.configVersion !== identity.config.version || refreshWanted) void refreshConfig();
      },
      unauthorized: refused,
    },
    DEFAULT_BACKOFF,
    options.verbose ?? false,
  );

  const submit = (items: BatchItem[], what: string) => {
    const valid = items.filter((item) => {
      const parsed = BatchItem.safeParse(item);
      if (!parsed.success)
        warnOnce(`${what}: an item does not fit the protocol and is left out (${parsed.error.issues[0]?.message})`);
      return parsed.success;
    });
    if (valid.length === 0) return;
    const bytes = Buffer.byteLength(JSON.stringify(valid));
    if (bytes > AGENT_BATCH_MAX_BYTES - 1024) {
      log.error(`${what}: ${bytes} bytes is over the server's limit of ${AGENT_BATCH_MAX_BYTES}: not sent`);
      return;
    }
    const seq = queue.enqueue(valid, AGENT_VERSION);
    if (options.verbose) log.info(`queued batch ${seq}: ${what}`);
    sender.wake();
  };

  const task = (what: string, collect: () => Promise<BatchItem[]>) => async () => {
    try {
      submit(await collect(), what);
    } catch (error) {
      log.warn(`${what}: collection failed, nothing sent this time (${describeError(error)})`);
    }
  };

  const metrics = new MetricsCollector(warnOnce);
  let systemdMissingSaid = false;
  const applyConfig = (config: AgentConfig) => {
    const metricsMs = (options.metricsSeconds ?? config.metricsSeconds) * 1000;
    const services = [...config.services];
    scheduler.set(
      'metrics',
      metricsMs,
      JSON.stringify([metricsMs, services]),
      task('metrics', async () => {
        const items: BatchItem[] = [await metrics.collect()];
        // Without systemd (a container) systemctl fails every time: asked once, then no longer spawned.
        const units = systemdMissingSaid ? null : await collectServices(services);
        if (units) items.push(units);
        else if (!systemdMissingSaid) {
          systemdMissingSaid = true;
          log.info('no systemd here (a container?): service states are not reported');
        }
        return items;
      }),
    );
    const inventoryMs = config.inventoryHours * HOUR_MS;
    scheduler.set(
      'inventory',
      inventoryMs,
      String(inventoryMs),
      task('inventory', async () => [await collectInventory()]),
    );
    const updatesMs = config.updatesHours * HOUR_MS;
    scheduler.set(
      'updates',
      updatesMs,
      String(updatesMs),
      task('updates', async () => [await collectUpdates()]),
    );
    const plugins = new Set<string>();
    for (const plugin of config.plugins) {
      const name = `plugin:${plugin.checkId}`;
      plugins.add(name);
      const intervalMs = (options.pluginSeconds ?? plugin.intervalSeconds) * 1000;
      scheduler.set(
        name,
        intervalMs,
        JSON.stringify([plugin, intervalMs]),
        task(`check ${plugin.name}`, async () => [await runPlugin(plugin)]),
      );
    }
    scheduler.retain((name) => !name.startsWith('plugin:') || plugins.has(name));
  };

  const { batches } = queue.stats();
  log.info(
    `vigie-agent ${AGENT_VERSION} running as agent ${identity.agentId} for ${identity.server}${batches ? ` (${batches} batch(es) still queued)` : ''}`,
  );
  applyConfig(identity.config);
  sender.wake();
  void refreshConfig();
  void options.stopSignal?.then(() => finish(0));

  const code = await finished;
  scheduler.stopAll();
  await sender.stop();
  await refreshing;
  return code;
}
