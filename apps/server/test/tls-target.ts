/**
 * Certificates and TLS servers for the TLS and HTTPS check tests: a self-signed certificate for localhost and
 * 127.0.0.1 valid for N days, made by the `openssl` CLI (as an administrator would), and an HTTPS server using it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { createServer, type Server, type ServerOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Certificate {
  key: string;
  cert: string;
}

/** `openssl req -x509 -days <days>`: an EC P-256 key and a self-signed certificate for localhost. */
export async function selfSignedCertificate(days: number): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      String(days),
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ]);
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface HttpsTarget {
  port: number;
  server: Server;
  stop(): Promise<void>;
}

/** An HTTPS server on a free loopback port with the given certificate. */
export async function startHttpsTarget(
  certificate: Certificate,
  handler: RequestListener = (_req, res) => res.end('secure hello'),
): Promise<HttpsTarget> {
  const options: ServerOptions = { key: certificate.key, cert: certificate.cert };
  const server = createServer(options, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
