import type { CheckConfig } from '@vigie/contracts';
import { dnsProbe } from './dns-probe.js';
import { httpProbe } from './http-probe.js';
import { icmpProbe } from './icmp-probe.js';
import { firstLine } from './network-errors.js';
import { type ProbeResult, verdict } from './probe-result.js';
import { snmpProbe } from './snmp-probe.js';
import { tcpProbe } from './tcp-probe.js';
import { tlsProbe } from './tls-probe.js';

export type { ProbeMetric, ProbeResult } from './probe-result.js';

/** Time past the check's own timeout after which a probe that still has not answered is abandoned as UNKNOWN. */
export const PROBE_GRACE_MS = 1_000;

/**
 * Runs one server-side check once (DOMAIN §6) — what the scheduler calls at each interval. It never throws and
 * always settles by `timeoutMs` + PROBE_GRACE_MS: a probe's bug or a stuck library becomes an UNKNOWN result the
 * technician can read, never a crashed scheduler or a check that silently stops.
 */
export function runProbe(config: CheckConfig, timeoutMs: number): Promise<ProbeResult> {
  let guard: NodeJS.Timeout | undefined;
  const abandoned = new Promise<ProbeResult>((resolve) => {
    guard = setTimeout(
      () => resolve(verdict('unknown', `the ${config.kind} check did not finish within ${timeoutMs} ms`)),
      timeoutMs + PROBE_GRACE_MS,
    );
  });
  const run = Promise.resolve()
    .then(() => dispatch(config, timeoutMs))
    .catch((error: unknown) =>
      verdict(
        'unknown',
        `the ${config.kind} check failed: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      ),
    );
  return Promise.race([run, abandoned]).finally(() => clearTimeout(guard));
}

function dispatch(config: CheckConfig, timeoutMs: number): Promise<ProbeResult> {
  switch (config.kind) {
    case 'icmp':
      return icmpProbe(config, timeoutMs);
    case 'tcp':
      return tcpProbe(config, timeoutMs);
    case 'http':
      return httpProbe(config, timeoutMs);
    case 'tls':
      return tlsProbe(config, timeoutMs);
    case 'dns':
      return dnsProbe(config, timeoutMs);
    case 'snmp':
      return snmpProbe(config, timeoutMs);
    case 'plugin':
    case 'service':
    case 'heartbeat':
      return Promise.resolve(verdict('unknown', `${config.kind} checks are run by the agent, not by the server`));
  }
}
