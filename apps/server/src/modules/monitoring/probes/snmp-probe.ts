import { isIPv6 } from 'node:net';
import snmp from 'net-snmp';
import { describeNetworkError } from './network-errors.js';
import { hostPort, type ProbeConfig } from './probe-config.js';
import { formatMs, latencyMetric, type ProbeResult, verdict } from './probe-result.js';
import { settleOnce } from './settle.js';
import { type Direction, thresholdNote, thresholdStatus } from './thresholds.js';

const NUMERIC_TYPES = new Set<number>([
  snmp.ObjectType.Integer,
  snmp.ObjectType.Counter,
  snmp.ObjectType.Gauge,
  snmp.ObjectType.TimeTicks,
  snmp.ObjectType.Counter64,
]);
const MISSING: Record<number, string> = {
  [snmp.ObjectType.NoSuchObject]: 'noSuchObject',
  [snmp.ObjectType.NoSuchInstance]: 'noSuchInstance',
  [snmp.ObjectType.EndOfMibView]: 'endOfMibView',
};

/**
 * SNMP v2c get of one OID (a switch's port, a UPS's charge, a NAS's temperature): a numeric value is judged against
 * warn/crit in the configured direction; any other value is OK and shown. No answer — which is also what an agent
 * does with a wrong community — or an OID the device does not have is UNKNOWN, with a message saying which.
 */
export function snmpProbe(config: ProbeConfig<'snmp'>, timeoutMs: number): Promise<ProbeResult> {
  const port = config.port ?? 161;
  const target = hostPort(config.host, port);
  const oid = config.oid.replace(/^\./, '');
  return settleOnce(
    timeoutMs,
    () => noAnswer(target, timeoutMs),
    (settle) => {
      const started = performance.now();
      const session = snmp.createSession(config.host, config.community ?? 'public', {
        port,
        version: snmp.Version2c,
        transport: isIPv6(config.host) ? 'udp6' : 'udp4',
        timeout: timeoutMs,
        retries: 0,
      });
      session.on('error', (error: unknown) =>
        settle(verdict('unknown', `SNMP ${target}: ${describeNetworkError(error)}`)),
      );
      session.get([oid], (error, varbinds) => {
        if (error) {
          settle(
            timedOut(error)
              ? noAnswer(target, timeoutMs)
              : verdict('unknown', `SNMP ${target}: the agent answered with an error: ${error.message}`),
          );
          return;
        }
        const varbind = varbinds?.[0];
        if (!varbind) return settle(verdict('unknown', `SNMP ${target}: the agent sent no value for ${oid}`));
        settle(judge(config, target, oid, varbind, performance.now() - started));
      });
      return () => {
        try {
          session.close();
        } catch {
          // already closed
        }
      };
    },
  );
}

/** net-snmp's typings only name ResponseInvalidError, but a timeout arrives as a RequestTimedOutError. */
function timedOut(error: Error): boolean {
  return error.name === 'RequestTimedOutError';
}

function noAnswer(target: string, timeoutMs: number): ProbeResult {
  return verdict(
    'unknown',
    `SNMP ${target}: no answer within ${timeoutMs} ms (wrong community, SNMP not enabled, or the host is unreachable)`,
  );
}

function judge(
  config: ProbeConfig<'snmp'>,
  target: string,
  oid: string,
  varbind: snmp.Varbind,
  latencyMs: number,
): ProbeResult {
  const missing = varbind.type !== undefined ? MISSING[varbind.type] : undefined;
  if (missing) return verdict('unknown', `SNMP ${target}: the device has no value at ${oid} (${missing})`);
  if (snmp.isVarbindError(varbind)) {
    return verdict('unknown', `SNMP ${target}: ${oid}: ${snmp.varbindError(varbind)}`);
  }
  const value = numericValue(varbind);
  const timing = ` in ${formatMs(latencyMs)}`;
  if (value === null) {
    return {
      status: 'ok',
      output: `SNMP ${oid} = ${JSON.stringify(displayValue(varbind.value))}${timing}`,
      latencyMs,
      metrics: [latencyMetric(latencyMs)],
    };
  }
  const direction: Direction = config.direction ?? 'above';
  const status = thresholdStatus(value, config.warn, config.crit, direction);
  return {
    status,
    output: `SNMP ${oid} = ${value}${timing}${thresholdNote(status, config.warn, config.crit, direction, '')}`,
    latencyMs,
    metrics: [latencyMetric(latencyMs), { name: 'value', value }],
  };
}

/** The value as a number when it is one: integer types, 64-bit counters, and octet strings such as "42.5". */
function numericValue(varbind: snmp.Varbind): number | null {
  const { type, value } = varbind;
  if (typeof value === 'bigint') return Number(value);
  if (type === snmp.ObjectType.Counter64 && Buffer.isBuffer(value)) {
    let total = 0n;
    for (const byte of value) total = (total << 8n) | BigInt(byte);
    return Number(total);
  }
  if (type !== undefined && NUMERIC_TYPES.has(type) && typeof value === 'number') return value;
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : null;
  if (text !== null && /^\s*-?\d+(\.\d+)?\s*$/.test(text)) return Number(text);
  return null;
}

/** Octet strings as text when printable, else as hex; at most 100 characters in the output line. */
function displayValue(value: snmp.VarbindValue): string {
  let text: string;
  if (Buffer.isBuffer(value)) {
    const decoded = value.toString('utf8');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: binary octet strings are shown as hex
    text = /^[^\u0000-\u0008\u000e-\u001f\ufffd]*$/.test(decoded) ? decoded : value.toString('hex');
  } else {
    text = String(value);
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}
