import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

function insideDirectory(dir: string, file: string): boolean {
  try {
    return resolve(dir, decodeURIComponent(file)).startsWith(dir + sep);
  } catch {
    return false;
  }
}

/** Serves the built console; every non-API path falls back to index.html so deep links work. */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: webDir, wildcard: false, maxAge: '1h', index: false });
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${path}` } });
    }
    const file = path.slice(1);
    // Only files inside the built console: a path that resolves elsewhere gets the console page, whatever exists there.
    if (!insideDirectory(webDir, file)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (file.startsWith('assets/') && existsSync(join(webDir, file))) {
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(file);
    }
    if (/\.[a-z0-9]+$/i.test(file) && existsSync(join(webDir, file))) return reply.sendFile(file);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
