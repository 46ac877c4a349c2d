import { spawn } from 'node:child_process';
import { firstLine } from './network-errors.js';
import type { ProbeConfig } from './probe-config.js';
import { formatMs, latencyMetric, type ProbeResult, verdict } from './probe-result.js';
import { settleOnce } from './settle.js';
import { thresholdNote, thresholdStatus } from './thresholds.js';

const RTT = /time[=<]([\d.]+) ?ms/;
const UNRESOLVED = /Name or service not known|Temporary failure in name resolution|No address associated|unknown host/i;
const UNREACHABLE = /unreachable/i;

/**
 * ICMP echo through the system's `ping` (iputils-ping; it holds the raw-socket privilege the server lacks): one
 * packet, the round-trip time against warnMs/critMs. No reply, or a name that does not resolve, is CRITICAL; no
 * `ping` on this machine is UNKNOWN, with the package to install.
 */
export function icmpProbe(config: ProbeConfig<'icmp'>, timeoutMs: number): Promise<ProbeResult> {
  const host = config.host;
  if (host.startsWith('-') || /\s/.test(host))
    return Promise.resolve(verdict('unknown', `ICMP: "${host}" is not a host`));
  const waitSeconds = Math.max(0.1, timeoutMs / 1000).toFixed(1);
  return settleOnce(
    timeoutMs,
    () => verdict('critical', `ICMP ${host}: no reply within ${timeoutMs} ms`),
    (settle) => {
      const child = spawn('ping', ['-n', '-c', '1', '-W', waitSeconds, host], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.on('error', (error: NodeJS.ErrnoException) =>
        settle(
          error.code === 'ENOENT'
            ? verdict('unknown', 'ping is not installed on the Vigie server (apt-get install iputils-ping)')
            : verdict('unknown', `ICMP ${host}: cannot run ping: ${error.message}`),
        ),
      );
      child.on('close', (code) => settle(judge(config, code, stdout, stderr, timeoutMs)));
      return () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      };
    },
  );
}

function judge(
  config: ProbeConfig<'icmp'>,
  code: number | null,
  stdout: string,
  stderr: string,
  timeoutMs: number,
): ProbeResult {
  const host = config.host;
  const rtt = RTT.exec(stdout);
  if (code === 0 && rtt) {
    const latencyMs = Number(rtt[1]);
    const status = thresholdStatus(latencyMs, config.warnMs, config.critMs);
    return {
      status,
      output: `ICMP ${host}: reply in ${formatMs(latencyMs)}${thresholdNote(status, config.warnMs, config.critMs, 'above', ' ms')}`,
      latencyMs,
      metrics: [latencyMetric(latencyMs)],
    };
  }
  const problem = firstLine(stderr) || firstLine(stdout.split('\n').find((line) => UNREACHABLE.test(line)) ?? '');
  if (code === 1 && !problem) return verdict('critical', `ICMP ${host}: no reply within ${timeoutMs} ms`);
  if (UNRESOLVED.test(problem)) return verdict('critical', `ICMP ${host}: DNS failure: the name does not resolve`);
  if (UNREACHABLE.test(problem) || code === 1)
    return verdict('critical', `ICMP ${host}: ${problem.replace(/^ping: /, '')}`);
  return verdict(
    'unknown',
    `ICMP ${host}: ping failed${problem ? `: ${problem.replace(/^ping: /, '')}` : ` (exit ${code})`}`,
  );
}
