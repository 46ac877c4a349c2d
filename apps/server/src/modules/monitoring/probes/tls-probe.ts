import { isIP } from 'node:net';
import { checkServerIdentity, connect, type PeerCertificate } from 'node:tls';
import { describeNetworkError } from './network-errors.js';
import { hostPort, type ProbeConfig } from './probe-config.js';
import { formatMs, latencyMetric, type ProbeResult, roundTo, verdict } from './probe-result.js';
import { settleOnce } from './settle.js';
import { sharedSecureContext } from './tls-context.js';

const DAY_MS = 86_400_000;

/**
 * TLS certificate expiry: days until the peer's certificate expires against warnDays/critDays (21/7 by default);
 * expired or not yet valid is CRITICAL. The handshake does not insist on a trusted chain — internal devices often
 * have self-signed certificates that still expire — but the output says when the chain or the name is not trusted.
 * Not being able to look (refused, timeout) is UNKNOWN: the service's availability is another check's business.
 * `now` is the clock the expiry is measured against (a test looks at a real certificate from a later date).
 */
export function tlsProbe(config: ProbeConfig<'tls'>, timeoutMs: number, now = Date.now): Promise<ProbeResult> {
  const port = config.port ?? 443;
  const target = hostPort(config.host, port);
  const servername = config.servername ?? (isIP(config.host) ? undefined : config.host);
  return settleOnce(
    timeoutMs,
    () => verdict('unknown', `TLS ${target}: no handshake within ${timeoutMs} ms`),
    (settle) => {
      const started = performance.now();
      const socket = connect({
        host: config.host,
        port,
        ...(servername ? { servername } : {}),
        rejectUnauthorized: false,
        secureContext: sharedSecureContext(),
      });
      socket.once('secureConnect', () => {
        const latencyMs = performance.now() - started;
        const certificate = socket.getPeerCertificate();
        const trust = socket.authorized ? null : describeNetworkError({ code: socket.authorizationError });
        settle(judge(config, target, servername ?? config.host, certificate, trust, latencyMs, now()));
      });
      socket.on('error', (error) =>
        settle(verdict('unknown', `TLS ${target}: cannot check the certificate: ${describeNetworkError(error)}`)),
      );
      return () => socket.destroy();
    },
  );
}

function judge(
  config: ProbeConfig<'tls'>,
  target: string,
  name: string,
  certificate: PeerCertificate,
  trustError: string | null,
  latencyMs: number,
  now: number,
): ProbeResult {
  const validTo = Date.parse(certificate.valid_to ?? '');
  const validFrom = Date.parse(certificate.valid_from ?? '');
  if (Number.isNaN(validTo)) return verdict('unknown', `TLS ${target}: the server sent no readable certificate`);
  const daysLeft = (validTo - now) / DAY_MS;
  const expiry = new Date(validTo).toISOString().slice(0, 10);
  const warnDays = config.warnDays ?? 21;
  const critDays = config.critDays ?? 7;
  let status: ProbeResult['status'];
  let summary: string;
  if (daysLeft < 0) {
    status = 'critical';
    summary = `certificate expired ${plural(Math.floor(-daysLeft), 'day')} ago (${expiry})`;
  } else if (!Number.isNaN(validFrom) && validFrom > now) {
    status = 'critical';
    summary = `certificate not valid before ${new Date(validFrom).toISOString().slice(0, 10)}`;
  } else {
    status = daysLeft < critDays ? 'critical' : daysLeft < warnDays ? 'warning' : 'ok';
    const limit =
      status === 'critical'
        ? ` (critical below ${critDays} days)`
        : status === 'warning'
          ? ` (warning below ${warnDays} days)`
          : '';
    summary = `certificate expires in ${plural(Math.floor(daysLeft), 'day')} (${expiry})${limit}`;
  }
  const notes: string[] = [];
  if (trustError) notes.push(`untrusted: ${trustError.replace(/^TLS error: /, '')}`);
  if (checkServerIdentity(name, certificate)) notes.push(`the certificate does not name ${name}`);
  const suffix = notes.length > 0 ? `; ${notes.join('; ')}` : '';
  return {
    status,
    output: `TLS ${target}: ${summary}${suffix}, handshake in ${formatMs(latencyMs)}`,
    latencyMs,
    metrics: [latencyMetric(latencyMs), { name: 'days_left', value: roundTo(daysLeft, 2), unit: 'd' }],
  };
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
