import { lookup, Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { errorCode } from './network-errors.js';
import type { ProbeConfig } from './probe-config.js';
import { formatMs, latencyMetric, type ProbeResult, verdict } from './probe-result.js';
import { settleOnce } from './settle.js';

type RecordType = ProbeConfig<'dns'>['recordType'];

/** Resolver failures: a CRITICAL one is an answer about the name; an UNKNOWN one means no answer was had. */
const FAILURES: Record<string, { status: 'critical' | 'unknown'; text: string }> = {
  ENOTFOUND: { status: 'critical', text: 'no such name (NXDOMAIN)' },
  ENODATA: { status: 'critical', text: 'the name exists but has no record of this type' },
  ESERVFAIL: { status: 'critical', text: 'the server failed to resolve it (SERVFAIL)' },
  ETIMEOUT: { status: 'unknown', text: 'the DNS server did not answer' },
  ECONNREFUSED: { status: 'unknown', text: 'the DNS server refused the connection' },
  EREFUSED: { status: 'unknown', text: 'the DNS server refused the query (REFUSED)' },
  EBADRESP: { status: 'unknown', text: 'the DNS server sent a malformed answer' },
  EFORMERR: { status: 'unknown', text: 'the DNS server did not understand the query (FORMERR)' },
};

/**
 * DNS: asks one server (or the system's) for a record of a name, with a single try, and checks that `expect` is
 * among the answers. NXDOMAIN, no record or a wrong answer is CRITICAL; a server that does not answer is UNKNOWN.
 */
export function dnsProbe(config: ProbeConfig<'dns'>, timeoutMs: number): Promise<ProbeResult> {
  const recordType = config.recordType ?? 'A';
  const label = `DNS ${config.name} ${recordType}${config.server ? ` @${config.server}` : ''}`;
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  return settleOnce(
    timeoutMs,
    () => verdict('unknown', `${label}: no answer within ${timeoutMs} ms`),
    (settle) => {
      const started = performance.now();
      void (async () => {
        try {
          if (config.server) resolver.setServers([await serverAddress(config.server)]);
          const answers = await resolveAs(resolver, config.name, recordType);
          const latencyMs = performance.now() - started;
          settle(judge(config, label, answers, latencyMs));
        } catch (error) {
          settle(failure(label, error));
        }
      })();
      return () => resolver.cancel();
    },
  );
}

/** "host", "host:port", "v6", "[v6]:port" → what `setServers` takes (an address, a hostname looked up first). */
async function serverAddress(server: string): Promise<string> {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  let host = server;
  let port: string | undefined;
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2];
  } else if (isIP(server) !== 6 && server.includes(':')) {
    [host = '', port] = server.split(':');
  }
  if (port !== undefined && !/^\d{1,5}$/.test(port)) throw new ServerError(`"${server}" is not host or host:port`);
  const address = isIP(host) ? host : await lookupServer(host);
  if (port === undefined) return address;
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

async function lookupServer(host: string): Promise<string> {
  try {
    return (await lookup(host)).address;
  } catch {
    throw new ServerError(`cannot resolve the DNS server's name ${host}`);
  }
}

class ServerError extends Error {}

/** The answers of one query, as comparable strings ("10 mx.example.com" for MX, joined chunks for TXT). */
async function resolveAs(resolver: Resolver, name: string, type: RecordType): Promise<string[]> {
  switch (type) {
    case 'A':
      return resolver.resolve4(name);
    case 'AAAA':
      return resolver.resolve6(name);
    case 'CNAME':
      return resolver.resolveCname(name);
    case 'NS':
      return resolver.resolveNs(name);
    case 'MX':
      return (await resolver.resolveMx(name)).map((mx) => `${mx.priority} ${mx.exchange}`);
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
  }
}

/** Names compare without case or trailing dot; an MX matches on its exchange alone or with its priority. */
function matches(answer: string, expected: string, type: RecordType): boolean {
  if (type === 'TXT') return answer === expected;
  const norm = (value: string) => value.trim().toLowerCase().replace(/\.$/, '');
  const want = norm(expected);
  return norm(answer) === want || (type === 'MX' && norm(answer.replace(/^\d+ /, '')) === want);
}

function judge(config: ProbeConfig<'dns'>, label: string, answers: string[], latencyMs: number): ProbeResult {
  const type = config.recordType ?? 'A';
  const shown = answers.slice(0, 5).join(', ') + (answers.length > 5 ? ` (+${answers.length - 5} more)` : '');
  const missing = config.expect !== undefined && !answers.some((answer) => matches(answer, config.expect ?? '', type));
  return {
    status: missing ? 'critical' : 'ok',
    output: `${label}: ${shown} in ${formatMs(latencyMs)}${missing ? `; expected ${config.expect} is not among them` : ''}`,
    latencyMs,
    metrics: [latencyMetric(latencyMs)],
  };
}

function failure(label: string, error: unknown): ProbeResult {
  if (error instanceof ServerError) return verdict('unknown', `${label}: ${error.message}`);
  const code = errorCode(error) ?? '';
  const known = FAILURES[code];
  if (known) return verdict(known.status, `${label}: ${known.text}`);
  return verdict(
    'unknown',
    `${label}: the lookup failed (${code || (error instanceof Error ? error.message : 'unknown error')})`,
  );
}
