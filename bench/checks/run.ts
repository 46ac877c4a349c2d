/**
 * checks: the CPU the server spends per server-side check (issue 5, goal ≤ 0.4 ms per HTTP or TCP check; Uptime
 * Kuma spends ~4 ms), with checks/s and latency. The probes run in this process exactly as the scheduler calls them
 * (`runProbe(config, timeoutMs)`), N checks per scenario with C in flight; the targets run in a child process
 * (targets.ts) so their CPU is not counted. CPU per check = this process's user+system CPU time over the batch
 * divided by N. Each scenario runs R times after a warm-up; the last line per scenario gives the medians.
 *
 *   node --import tsx bench/checks/run.ts [--checks 5000] [--concurrency 50] [--runs 3] [--scenarios http,tcp,...]
 *        [--fresh-connections]
 *
 * Scenarios: http (GET, status only), http-keyword (GET + keyword in the body), tcp (connect), https (GET with
 * ignoreTlsErrors), icmp (the system `ping` to 127.0.0.1; its CPU is the `ping` processes', reported apart). `--fresh-connections` turns the HTTP keep-alive pool off, for a before/after comparison.
 * One JSON line per run and one per scenario (medians) on stdout; progress on stderr. See bench/README.md.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckConfig } from '@vigie/contracts';
import { httpAgent, httpsAgent } from '../../apps/server/src/modules/monitoring/probes/http-agents.js';
import { runProbe } from '../../apps/server/src/modules/monitoring/probes/probe.js';
import { stopChild } from '../shared/child-process.js';

const GOAL_CPU_MS = 0.4;
const TIMEOUT_MS = 10_000;

const { values: args } = parseArgs({
  options: {
    checks: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    scenarios: { type: 'string', default: 'http,http-keyword,tcp,https' },
    'fresh-connections': { type: 'boolean', default: false },
  },
});
const checks = Math.max(100, Number(args.checks));
const concurrency = Math.max(1, Number(args.concurrency));
const runs = Math.max(1, Number(args.runs));
const scenarios = (args.scenarios ?? '').split(',').filter(Boolean);
const keepAlive = !args['fresh-connections'];

const log = (message: string) => process.stderr.write(`[checks] ${message}\n`);
const emit = (figure: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ bench: 'checks', ...figure })}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

interface Ports {
  http: number;
  https: number;
  tcp: number;
}
interface TargetStats {
  connections: Ports;
  cpuMs: number;
}

async function startTargets(): Promise<{ child: ChildProcess; ports: Ports }> {
  const child = fork(join(import.meta.dirname, 'targets.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const ports = await new Promise<Ports>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the targets exited with ${code}`)));
    child.on('message', (message: { type?: string; ports?: Ports }) => {
      if (message.type === 'ready' && message.ports) resolve(message.ports);
    });
  });
  return { child, ports };
}

function targetStats(child: ChildProcess): Promise<TargetStats> {
  return new Promise((resolve) => {
    const listener = (message: { type?: string } & TargetStats) => {
      if (message.type !== 'stats') return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
    child.send({ type: 'stats' });
  });
}

function configFor(scenario: string, ports: Ports): CheckConfig {
  switch (scenario) {
    case 'http':
      return { kind: 'http', url: `http://127.0.0.1:${ports.http}/`, method: 'GET', ignoreTlsErrors: false };
    case 'http-keyword':
      return {
        kind: 'http',
        url: `http://127.0.0.1:${ports.http}/`,
        method: 'GET',
        keyword: 'all-systems-go',
        ignoreTlsErrors: false,
      };
    case 'tcp':
      return { kind: 'tcp', host: '127.0.0.1', port: ports.tcp };
    case 'https':
      return { kind: 'http', url: `https://127.0.0.1:${ports.https}/`, method: 'GET', ignoreTlsErrors: true };
    case 'icmp':
      return { kind: 'icmp', host: '127.0.0.1' };
    default:
      throw new Error(`unknown scenario ${scenario} (http, http-keyword, tcp, https, icmp)`);
  }
}

/** CPU time of this process's finished children (the `ping` processes), in ms: /proc/self/stat cutime + cstime. */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** N checks, C in flight; returns CPU, wall time and each check's measured latency. */
async function batch(config: CheckConfig, total: number) {
  const latencies = new Float64Array(total);
  let next = 0;
  let failures = 0;
  let firstFailure = '';
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const result = await runProbe(config, TIMEOUT_MS);
      if (result.status !== 'ok') {
        failures++;
        firstFailure ||= result.output;
      }
      latencies[index] = result.latencyMs ?? Number.NaN;
    }
  };
  const cpuBefore = process.cpuUsage();
  const childrenBefore = childrenCpuMs();
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const childrenMs = childrenCpuMs() - childrenBefore;
  return {
    cpuMs: (cpu.user + cpu.system) / 1000,
    childrenMs,
    wallMs,
    latencies: latencies.sort(),
    failures,
    firstFailure,
  };
}

async function main() {
  if (!keepAlive) {
    // Node's Agent reads `keepAlive` per request; its typings do not declare the field.
    Object.assign(httpAgent, { keepAlive: false });
    Object.assign(httpsAgent, { keepAlive: false });
  }
  const { child, ports } = await startTargets();
  try {
    log(
      `targets ready (http ${ports.http}, https ${ports.https}, tcp ${ports.tcp}); keep-alive ${keepAlive ? 'on' : 'off'}`,
    );
    for (const scenario of scenarios) {
      const config = configFor(scenario, ports);
      await batch(config, Math.min(1000, checks)); // warm-up: JIT, connection pool
      const perRun: { cpuMsPerCheck: number; checksPerSecond: number; p50: number; p99: number }[] = [];
      for (let run = 1; run <= runs; run++) {
        const before = await targetStats(child);
        const result = await batch(config, checks);
        const after = await targetStats(child);
        const key = scenario === 'tcp' ? 'tcp' : scenario === 'https' ? 'https' : 'http';
        const figure = {
          cpuMsPerCheck: result.cpuMs / checks,
          checksPerSecond: checks / (result.wallMs / 1000),
          p50: percentile(result.latencies, 0.5),
          p99: percentile(result.latencies, 0.99),
        };
        perRun.push(figure);
        emit({
          scenario,
          run,
          keepAlive,
          checks,
          concurrency,
          failures: result.failures,
          ...(result.firstFailure ? { firstFailure: result.firstFailure } : {}),
          cpuMsPerCheck: round(figure.cpuMsPerCheck, 3),
          ...(result.childrenMs > 0 ? { childProcessCpuMsPerCheck: round(result.childrenMs / checks, 3) } : {}),
          checksPerSecond: round(figure.checksPerSecond),
          latencyP50Ms: round(figure.p50, 2),
          latencyP99Ms: round(figure.p99, 2),
          // HTTP(S) connections the targets accepted (0 when the keep-alive pool served every check).
          ...(key === 'tcp' ? {} : { newConnections: after.connections[key] - before.connections[key] }),
          targetCpuMsPerCheck: round((after.cpuMs - before.cpuMs) / checks, 3),
          rssMiB: round(process.memoryUsage().rss / 1024 / 1024),
          loadAvg1: round(loadavg()[0] ?? 0, 2),
        });
      }
      const cpu = median(perRun.map((figure) => figure.cpuMsPerCheck));
      emit({
        scenario,
        keepAlive,
        runs,
        medianCpuMsPerCheck: round(cpu, 3),
        medianChecksPerSecond: round(median(perRun.map((figure) => figure.checksPerSecond))),
        medianLatencyP50Ms: round(median(perRun.map((figure) => figure.p50)), 2),
        medianLatencyP99Ms: round(median(perRun.map((figure) => figure.p99)), 2),
        goalCpuMsPerCheck: GOAL_CPU_MS,
        met: scenario === 'http' || scenario === 'http-keyword' || scenario === 'tcp' ? cpu <= GOAL_CPU_MS : null,
      });
    }
  } finally {
    child.disconnect();
    await stopChild(child);
  }
}

await main();
