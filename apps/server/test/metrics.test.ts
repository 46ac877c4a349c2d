import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import { buildServices } from '../src/http/services.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { TEST_AUTH } from './harness.js';

describe('Prometheus metrics', () => {
  let testDb: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let db: ReturnType<typeof openDatabase>;
  beforeAll(async () => {
    testDb = await createTestDatabase('sqlite');
    db = openDatabase(testDb.database);
    await migrateToLatest(db);
    const services = buildServices(db, new ManualClock(new Date('2026-03-02T09:00:00Z')), TEST_AUTH);
    const http = {
      host: '127.0.0.1',
      port: 0,
      publicUrl: null,
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
      importLimitBytes: 1024 * 1024,
    };
    app = await buildApp({
      config: { http, logLevel: 'silent', webDir: '/nonexistent', metricsToken: 'a-metrics-token-of-32-characters' },
      services,
      logger: false,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await testDb?.drop();
  });

  it('counts requests per route, behind its token when one is set', async () => {
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await fetch(`${base}/healthz`);
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const response = await fetch(`${base}/metrics`, {
      headers: { authorization: 'Bearer a-metrics-token-of-32-characters' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(
      /vigie_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1/,
    );
  });
});
