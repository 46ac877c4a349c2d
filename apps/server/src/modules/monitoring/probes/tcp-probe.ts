import { connect } from 'node:net';
import { describeNetworkError } from './network-errors.js';
import { hostPort, type ProbeConfig } from './probe-config.js';
import { formatMs, latencyMetric, type ProbeResult, verdict } from './probe-result.js';
import { settleOnce } from './settle.js';
import { thresholdNote, thresholdStatus } from './thresholds.js';

/**
 * TCP connect: is the port open, and how long did the handshake take. A refusal or no answer within the timeout is
 * CRITICAL — for a TCP check the service being unreachable is the problem being watched.
 */
export function tcpProbe(config: ProbeConfig<'tcp'>, timeoutMs: number): Promise<ProbeResult> {
  const target = hostPort(config.host, config.port);
  return settleOnce(
    timeoutMs,
    () => verdict('critical', `TCP ${target}: no answer within ${timeoutMs} ms`),
    (settle) => {
      const started = performance.now();
      const socket = connect({ host: config.host, port: config.port });
      socket.once('connect', () => {
        const latencyMs = performance.now() - started;
        const status = thresholdStatus(latencyMs, config.warnMs, config.critMs);
        const note = thresholdNote(status, config.warnMs, config.critMs, 'above', ' ms');
        settle({
          status,
          output: `TCP ${target} open in ${formatMs(latencyMs)}${note}`,
          latencyMs,
          metrics: [latencyMetric(latencyMs)],
        });
      });
      socket.on('error', (error) => settle(verdict('critical', `TCP ${target}: ${describeNetworkError(error)}`)));
      return () => socket.destroy();
    },
  );
}
