/**
 * The server-side checks' probes (issue 5 item 2) against real targets on loopback: HTTP and HTTPS servers, TLS
 * certificates made by `openssl` with 5, 15 and 60 days left, TCP ports, a UDP DNS responder, Debian's `snmpd` and
 * the system's `ping`. Each test runs one check once, as the scheduler does, and asserts what the board would show.
 */

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckConfig } from '@vigie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../src/modules/monitoring/probes/probe.js';
import { tlsProbe } from '../src/modules/monitoring/probes/tls-probe.js';
import { type DnsResponder, startDnsResponder } from './dns-responder.js';
import {
  freeUdpPort,
  SNMP_LOCATION,
  SNMP_SYS_SERVICES,
  type SnmpAgent,
  snmpdAvailable,
  startSnmpAgent,
} from './snmp-agent.js';
import { type HttpsTarget, selfSignedCertificate, startHttpsTarget } from './tls-target.js';

const KEYWORD = 'Vigie-supervision-ok';

/** The config as the API would store it: parsed by the contract, defaults applied. */
function check(config: unknown): CheckConfig {
  return CheckConfigSchema.parse(config);
}

import { CheckConfig as CheckConfigSchema } from '@vigie/contracts';

async function listen(server: Server | TcpServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function timed<T>(work: Promise<T>): Promise<{ result: T; elapsedMs: number }> {
  const started = performance.now();
  const result = await work;
  return { result, elapsedMs: performance.now() - started };
}

describe('HTTP checks', () => {
  let server: Server;
  let base: string;
  const slowResponses = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    server = createHttpServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/ok') return res.end(`<html><body>Bienvenue — ${KEYWORD}</body></html>`);
      if (path === '/error') {
        res.statusCode = 500;
        return res.end('Internal error');
      }
      if (path === '/missing') {
        res.statusCode = 404;
        return res.end('Not found');
      }
      if (path === '/big') {
        // The keyword only after the first megabyte: past what the probe reads.
        res.write(Buffer.alloc(1024 * 1024 + 10, 'a'));
        return res.end(KEYWORD);
      }
      const delay = /^\/delay\/(\d+)$/.exec(path);
      if (delay) {
        const timer = setTimeout(() => {
          slowResponses.delete(timer);
          res.end(KEYWORD);
        }, Number(delay[1]));
        slowResponses.add(timer);
        return;
      }
      res.statusCode = 404;
      res.end();
    });
    base = `http://127.0.0.1:${await listen(server)}`;
  });
  afterAll(async () => {
    for (const timer of slowResponses) clearTimeout(timer);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a 200 page with the keyword is OK and says the status and the time', async () => {
    const result = await runProbe(check({ kind: 'http', url: `${base}/ok`, keyword: KEYWORD }), 2000);
    expect(result.status).toBe('ok');
    expect(result.output).toMatch(/^HTTP 200 in [\d.]+ ms$/);
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.metrics).toEqual([{ name: 'latency_ms', value: expect.any(Number), unit: 'ms' }]);
  });

  it('a page without the keyword is CRITICAL and names the missing keyword', async () => {
    const result = await runProbe(check({ kind: 'http', url: `${base}/ok`, keyword: 'Maintenance en cours' }), 2000);
    expect(result.status).toBe('critical');
    expect(result.output).toContain('keyword "Maintenance en cours" not found');
  });

  it('a 500 is CRITICAL and says what was expected', async () => {
    const result = await runProbe(check({ kind: 'http', url: `${base}/error` }), 2000);
    expect(result.status).toBe('critical');
    expect(result.output).toMatch(/^HTTP 500 in .*expected 200–399/);
  });

  it('a status listed in expectStatus is OK, one not listed is CRITICAL', async () => {
    const gone = await runProbe(check({ kind: 'http', url: `${base}/missing`, expectStatus: [404] }), 2000);
    expect(gone.status).toBe('ok');
    const found = await runProbe(check({ kind: 'http', url: `${base}/ok`, expectStatus: [404] }), 2000);
    expect(found.status).toBe('critical');
    expect(found.output).toContain('expected 404');
  });

  it('HEAD checks the status without a body', async () => {
    const result = await runProbe(check({ kind: 'http', url: `${base}/ok`, method: 'HEAD' }), 2000);
    expect(result.status).toBe('ok');
    expect(result.output).toMatch(/^HTTP 200 in/);
  });

  it('a server slower than the timeout is CRITICAL "timeout", reported within the timeout', async () => {
    const { result, elapsedMs } = await timed(runProbe(check({ kind: 'http', url: `${base}/delay/5000` }), 300));
    expect(result.status).toBe('critical');
    expect(result.output).toContain('timeout');
    expect(result.output).toContain('300 ms');
    expect(elapsedMs).toBeLessThan(800);
  });

  it('an answer slower than warnMs is WARNING, slower than critMs CRITICAL, naming the threshold', async () => {
    const warning = await runProbe(check({ kind: 'http', url: `${base}/delay/150`, warnMs: 50, critMs: 1000 }), 2000);
    expect(warning.status).toBe('warning');
    expect(warning.output).toContain('(warning above 50 ms)');
    expect(warning.latencyMs).toBeGreaterThanOrEqual(150);
    const critical = await runProbe(check({ kind: 'http', url: `${base}/delay/150`, warnMs: 20, critMs: 50 }), 2000);
    expect(critical.status).toBe('critical');
    expect(critical.output).toContain('(critical above 50 ms)');
  });

  it('a closed port is CRITICAL "connection refused"', async () => {
    const result = await runProbe(check({ kind: 'http', url: `http://127.0.0.1:${await closedPort()}/` }), 2000);
    expect(result.status).toBe('critical');
    expect(result.output).toContain('connection refused');
  });

  it('a host name that does not resolve is CRITICAL "DNS failure"', async () => {
    const result = await runProbe(check({ kind: 'http', url: 'http://vigie-no-such-host.invalid/' }), 5000);
    expect(result.status).toBe('critical');
    expect(result.output).toContain('DNS failure');
  });

  it('only the first megabyte of the body is searched for the keyword', async () => {
    const result = await runProbe(check({ kind: 'http', url: `${base}/big`, keyword: KEYWORD }), 5000);
    expect(result.status).toBe('critical');
    expect(result.output).toContain(`keyword "${KEYWORD}" not found`);
  });

  it('a kept-alive connection the server dropped is retried on a new one, not reported as down', async () => {
    // A server that answers the first request of each connection and resets the connection on the second.
    const requestsPerConnection = new Map<Socket, number>();
    const resetting = createTcpServer((socket) => {
      socket.on('data', () => {
        const count = (requestsPerConnection.get(socket) ?? 0) + 1;
        requestsPerConnection.set(socket, count);
        if (count > 1) return socket.resetAndDestroy();
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
      });
      socket.on('error', () => undefined);
    });
    const port = await listen(resetting);
    try {
      const config = check({ kind: 'http', url: `http://127.0.0.1:${port}/` });
      expect((await runProbe(config, 2000)).status).toBe('ok');
      const second = await runProbe(config, 2000);
      expect(second.status, second.output).toBe('ok');
      // The second check went out on the first connection, was reset there, and was sent again on a new one.
      expect([...requestsPerConnection.values()]).toEqual([2, 1]);
    } finally {
      for (const socket of requestsPerConnection.keys()) socket.destroy();
      await new Promise((resolve) => resetting.close(resolve));
    }
  });
});

describe('HTTPS and TLS certificate checks', () => {
  const targets: HttpsTarget[] = [];
  let fiveDays: HttpsTarget;
  let fifteenDays: HttpsTarget;
  let sixtyDays: HttpsTarget;

  beforeAll(async () => {
    const [five, fifteen, sixty] = await Promise.all([5, 15, 60].map((days) => selfSignedCertificate(days)));
    if (!five || !fifteen || !sixty) throw new Error('openssl made no certificate');
    fiveDays = await startHttpsTarget(five);
    fifteenDays = await startHttpsTarget(fifteen);
    sixtyDays = await startHttpsTarget(sixty, (_req, res) => res.end(`secure ${KEYWORD}`));
    targets.push(fiveDays, fifteenDays, sixtyDays);
  });
  afterAll(async () => {
    await Promise.all(targets.map((target) => target.stop()));
  });

  it('HTTPS with a self-signed certificate is CRITICAL and says so, unless ignoreTlsErrors', async () => {
    const url = `https://localhost:${sixtyDays.port}/`;
    const strict = await runProbe(check({ kind: 'http', url, keyword: KEYWORD }), 2000);
    expect(strict.status).toBe('critical');
    expect(strict.output).toContain('TLS error: self-signed certificate');
    const lenient = await runProbe(check({ kind: 'http', url, keyword: KEYWORD, ignoreTlsErrors: true }), 2000);
    expect(lenient.status).toBe('ok');
    expect(lenient.output).toMatch(/^HTTP 200 in/);
  });

  it('a certificate expiring in 5 days is CRITICAL (critDays 7)', async () => {
    const result = await runProbe(check({ kind: 'tls', host: '127.0.0.1', port: fiveDays.port }), 2000);
    expect(result.status).toBe('critical');
    expect(result.output).toMatch(/expires in 4 days \(\d{4}-\d{2}-\d{2}\) \(critical below 7 days\)/);
    const daysLeft = result.metrics.find((metric) => metric.name === 'days_left');
    expect(daysLeft?.value).toBeGreaterThan(4.9);
    expect(daysLeft?.value).toBeLessThanOrEqual(5);
  });

  it('a certificate expiring in 15 days is WARNING (warnDays 21)', async () => {
    const result = await runProbe(check({ kind: 'tls', host: 'localhost', port: fifteenDays.port }), 2000);
    expect(result.status).toBe('warning');
    expect(result.output).toContain('(warning below 21 days)');
  });

  it('a certificate expiring in 60 days is OK, and an untrusted chain is reported, not hidden', async () => {
    const result = await runProbe(check({ kind: 'tls', host: 'localhost', port: sixtyDays.port }), 2000);
    expect(result.status).toBe('ok');
    expect(result.output).toContain('expires in 59 days');
    expect(result.output).toContain('untrusted: self-signed certificate');
    expect(result.metrics.map((metric) => metric.name)).toEqual(['latency_ms', 'days_left']);
  });

  it('thresholds are the check’s own: 60 days left with warnDays 90 is WARNING', async () => {
    const config = check({ kind: 'tls', host: 'localhost', port: sixtyDays.port, warnDays: 90, critDays: 30 });
    expect((await runProbe(config, 2000)).status).toBe('warning');
  });

  it('an expired certificate is CRITICAL "expired"', async () => {
    const config = check({ kind: 'tls', host: 'localhost', port: fiveDays.port });
    if (config.kind !== 'tls') throw new Error('not a TLS check');
    // The 5-day certificate, looked at ten days from now.
    const result = await tlsProbe(config, 2000, () => Date.now() + 10 * 86_400_000);
    expect(result.status).toBe('critical');
    expect(result.output).toMatch(/certificate expired 5 days ago/);
  });

  it('a port that accepts but never speaks TLS is UNKNOWN within the timeout', async () => {
    const mute = createTcpServer(() => undefined);
    const port = await listen(mute);
    try {
      const { result, elapsedMs } = await timed(runProbe(check({ kind: 'tls', host: '127.0.0.1', port }), 300));
      expect(result.status).toBe('unknown');
      expect(result.output).toContain('no handshake within 300 ms');
      expect(elapsedMs).toBeLessThan(800);
    } finally {
      mute.close();
    }
  });

  it('a closed TLS port is UNKNOWN: the certificate could not be looked at', async () => {
    const result = await runProbe(check({ kind: 'tls', host: '127.0.0.1', port: await closedPort() }), 2000);
    expect(result.status).toBe('unknown');
    expect(result.output).toContain('connection refused');
  });
});

describe('TCP checks', () => {
  it('an open port is OK with the connect time', async () => {
    const server = createTcpServer((socket) => socket.end());
    const port = await listen(server);
    try {
      const result = await runProbe(check({ kind: 'tcp', host: '127.0.0.1', port }), 2000);
      expect(result.status).toBe('ok');
      expect(result.output).toMatch(new RegExp(`^TCP 127\\.0\\.0\\.1:${port} open in [\\d.]+ ms$`));
      expect(result.latencyMs).not.toBeNull();
    } finally {
      server.close();
    }
  });

  it('a closed port is CRITICAL "connection refused"', async () => {
    const port = await closedPort();
    const result = await runProbe(check({ kind: 'tcp', host: '127.0.0.1', port }), 2000);
    expect(result.status).toBe('critical');
    expect(result.output).toBe(`TCP 127.0.0.1:${port}: connection refused`);
    expect(result.latencyMs).toBeNull();
  });
});

describe('DNS checks', () => {
  let dns: DnsResponder;

  beforeAll(async () => {
    dns = await startDnsResponder({
      a: { 'intranet.client.test': ['192.0.2.10', '192.0.2.11'] },
      txt: { 'client.test': ['v=spf1 mx -all'] },
      silent: ['dead.client.test'],
    });
  });
  afterAll(async () => {
    await dns.stop();
  });

  it('an A record with the expected address is OK and lists the answers', async () => {
    const config = check({ kind: 'dns', name: 'intranet.client.test', server: dns.server, expect: '192.0.2.11' });
    const result = await runProbe(config, 2000);
    expect(result.status).toBe('ok');
    expect(result.output).toMatch(/^DNS intranet\.client\.test A @127\.0\.0\.1:\d+: 192\.0\.2\.10, 192\.0\.2\.11 in/);
    expect(dns.queries).toContain('intranet.client.test A');
  });

  it('an answer without the expected address is CRITICAL and says which was expected', async () => {
    const config = check({ kind: 'dns', name: 'intranet.client.test', server: dns.server, expect: '192.0.2.99' });
    const result = await runProbe(config, 2000);
    expect(result.status).toBe('critical');
    expect(result.output).toContain('expected 192.0.2.99 is not among them');
  });

  it('a TXT record is compared whole', async () => {
    const config = check({
      kind: 'dns',
      name: 'client.test',
      recordType: 'TXT',
      server: dns.server,
      expect: 'v=spf1 mx -all',
    });
    expect((await runProbe(config, 2000)).status).toBe('ok');
  });

  it('NXDOMAIN is CRITICAL "no such name"', async () => {
    const result = await runProbe(check({ kind: 'dns', name: 'gone.client.test', server: dns.server }), 2000);
    expect(result.status).toBe('critical');
    expect(result.output).toContain('no such name (NXDOMAIN)');
  });

  it('a known name without a record of the asked type is CRITICAL', async () => {
    const config = check({ kind: 'dns', name: 'client.test', recordType: 'A', server: dns.server });
    const result = await runProbe(config, 2000);
    expect(result.status).toBe('critical');
    expect(result.output).toContain('has no record of this type');
  });

  it('a server that never answers is UNKNOWN within the timeout, after a single try', async () => {
    const before = dns.queries.filter((query) => query.startsWith('dead.')).length;
    const config = check({ kind: 'dns', name: 'dead.client.test', server: dns.server });
    const { result, elapsedMs } = await timed(runProbe(config, 400));
    expect(result.status).toBe('unknown');
    expect(result.output).toMatch(/did not answer|no answer within 400 ms/);
    expect(elapsedMs).toBeLessThan(900);
    expect(dns.queries.filter((query) => query.startsWith('dead.')).length - before).toBe(1);
  });

  it('a server given as a bad host:port is UNKNOWN with a clear message', async () => {
    const config = check({ kind: 'dns', name: 'client.test', server: '127.0.0.1:port' });
    const result = await runProbe(config, 1000);
    expect(result.status).toBe('unknown');
    expect(result.output).toContain('is not host or host:port');
  });
});

const describeSnmp = snmpdAvailable() ? describe : describe.skip;
if (!snmpdAvailable()) {
  console.warn('SNMP check tests skipped: /usr/sbin/snmpd is missing (apt-get install snmpd; .ci/run does it)');
}

describeSnmp('SNMP checks against Debian’s snmpd', () => {
  let agent: SnmpAgent;

  beforeAll(async () => {
    agent = await startSnmpAgent();
  });
  afterAll(async () => {
    await agent?.stop();
  });

  const snmpCheck = (extra: Record<string, unknown>) =>
    check({ kind: 'snmp', host: '127.0.0.1', port: agent.port, oid: '1.3.6.1.2.1.1.3.0', ...extra });

  it('sysUpTime is read as a number, OK, with its value as a metric', async () => {
    const result = await runProbe(snmpCheck({}), 2000);
    expect(result.status).toBe('ok');
    expect(result.output).toMatch(/^SNMP 1\.3\.6\.1\.2\.1\.1\.3\.0 = \d+ in [\d.]+ ms$/);
    const value = result.metrics.find((metric) => metric.name === 'value');
    expect(value?.value).toBeGreaterThan(0);
  });

  it('an integer is judged against warn/crit, above or below', async () => {
    const oid = '.1.3.6.1.2.1.1.7.0'; // sysServices, configured to 72
    const above = await runProbe(snmpCheck({ oid, warn: 50, crit: 100 }), 2000);
    expect(above.status).toBe('warning');
    expect(above.output).toBe(
      `SNMP 1.3.6.1.2.1.1.7.0 = ${SNMP_SYS_SERVICES} in ${above.output.split(' in ')[1]?.split(' (')[0]} (warning above 50)`,
    );
    const below = await runProbe(snmpCheck({ oid, warn: 200, crit: 100, direction: 'below' }), 2000);
    expect(below.status).toBe('critical');
    expect(below.output).toContain('(critical below 100)');
    const fine = await runProbe(snmpCheck({ oid, warn: 80, crit: 90 }), 2000);
    expect(fine.status).toBe('ok');
  });

  it('a text value is OK and shown', async () => {
    const result = await runProbe(snmpCheck({ oid: '1.3.6.1.2.1.1.6.0', warn: 1 }), 2000);
    expect(result.status).toBe('ok');
    expect(result.output).toContain(`= "${SNMP_LOCATION}"`);
  });

  it('an OID the device does not have is UNKNOWN "noSuchObject"', async () => {
    const result = await runProbe(snmpCheck({ oid: '1.3.6.1.2.1.1.99.0' }), 2000);
    expect(result.status).toBe('unknown');
    expect(result.output).toContain('has no value at 1.3.6.1.2.1.1.99.0 (noSuchObject)');
  });

  it('a wrong community gets no answer: UNKNOWN within the timeout, naming the likely causes', async () => {
    const { result, elapsedMs } = await timed(runProbe(snmpCheck({ community: 'not-the-community' }), 400));
    expect(result.status).toBe('unknown');
    expect(result.output).toContain('no answer within 400 ms (wrong community');
    expect(elapsedMs).toBeLessThan(900);
  });

  it('a port without an agent is UNKNOWN within the timeout', async () => {
    const port = await freeUdpPort();
    const { result, elapsedMs } = await timed(runProbe(snmpCheck({ port }), 400));
    expect(result.status).toBe('unknown');
    expect(result.output).toContain(`SNMP 127.0.0.1:${port}`);
    expect(elapsedMs).toBeLessThan(900);
  });
});

const pingAvailable = existsSync('/usr/bin/ping') || existsSync('/bin/ping');
const describePing = pingAvailable ? describe : describe.skip;
if (!pingAvailable) console.warn('ICMP check tests skipped: ping is missing (apt-get install iputils-ping)');

describePing('ICMP checks through the system ping', () => {
  it('127.0.0.1 answers: OK with the round-trip time', async () => {
    const result = await runProbe(check({ kind: 'icmp', host: '127.0.0.1' }), 2000);
    expect(result.status, result.output).toBe('ok');
    expect(result.output).toMatch(/^ICMP 127\.0\.0\.1: reply in [\d.]+ ms$/);
    expect(result.metrics[0]?.name).toBe('latency_ms');
  });

  it('a name that does not resolve is CRITICAL "DNS failure"', async () => {
    const result = await runProbe(check({ kind: 'icmp', host: 'vigie-no-such-host.invalid' }), 3000);
    expect(result.status).toBe('critical');
    expect(result.output).toContain('DNS failure');
  });

  it('a server without ping says so: UNKNOWN "ping is not installed"', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'vigie-no-ping-'));
    const path = process.env.PATH;
    process.env.PATH = empty;
    try {
      const result = await runProbe(check({ kind: 'icmp', host: '127.0.0.1' }), 2000);
      expect(result.status).toBe('unknown');
      expect(result.output).toContain('ping is not installed');
    } finally {
      process.env.PATH = path;
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('runProbe', () => {
  it('answers UNKNOWN for the kinds the agent runs instead of failing', async () => {
    const result = await runProbe(check({ kind: 'service', unit: 'nginx.service' }), 1000);
    expect(result).toEqual({
      status: 'unknown',
      output: 'service checks are run by the agent, not by the server',
      latencyMs: null,
      metrics: [],
    });
  });
});
