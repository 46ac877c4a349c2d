/**
 * The targets of bench/checks, run as a CHILD process so that their CPU is not counted against the probes: an HTTP
 * server (a small page with a keyword, like a typical status page), an HTTPS one with a throw-away self-signed
 * certificate, and a TCP port that accepts and closes. Talks to the parent over IPC: it sends its ports once
 * listening, and answers "stats" with its connection counts and its own CPU time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PAGE = Buffer.from(
  `<!doctype html><html><body><h1>Intranet</h1><p>status: all-systems-go</p>${'x'.repeat(900)}</body></html>`,
);
const connections = { http: 0, https: 0, tcp: 0 };

const page: RequestListener = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html', 'content-length': PAGE.length });
  res.end(PAGE);
};

function certificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '30',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 1024, resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

const http = createHttpServer({ keepAliveTimeout: 5_000 }, page);
http.on('connection', () => connections.http++);
const https = createHttpsServer({ ...certificate(), keepAliveTimeout: 5_000 }, page);
https.on('secureConnection', () => connections.https++);
const tcp = createTcpServer((socket) => {
  connections.tcp++;
  socket.on('error', () => undefined);
  socket.end();
});

const ports = { http: await listen(http), https: await listen(https), tcp: await listen(tcp) };
process.send?.({ type: 'ready', ports });
process.on('message', (message: { type?: string }) => {
  if (message.type === 'stats') {
    const cpu = process.cpuUsage();
    process.send?.({ type: 'stats', connections: { ...connections }, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
});
process.on('disconnect', () => process.exit(0));
