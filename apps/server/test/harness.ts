import type { FastifyInstance } from 'fastify';
import { type Clock, ManualClock } from '../src/core/clock.js';
import { type Db, openDatabase } from '../src/db/connection.js';
import type { DialectName } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import { buildServices, type Services } from '../src/http/services.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export const TEST_AUTH = { sessionHours: 12, maxFailures: 5, lockMinutes: 15 };

export interface Harness {
  dialect: DialectName;
  /** How to open another connection to the same database (a second server process, in tests of cross-process work). */
  database: TestDatabase['database'];
  db: Db;
  clock: ManualClock;
  services: Services;
  app: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
}

/** A migrated empty database, its services on a hand-driven clock, and the HTTP app listening on a real socket. */
export async function startHarness(
  dialect: DialectName,
  options: { clock?: Clock; bodyLimitBytes?: number } = {},
): Promise<Harness> {
  const testDb = await createTestDatabase(dialect);
  const db = openDatabase(testDb.database);
  await migrateToLatest(db);
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const services = buildServices(db, clock, TEST_AUTH);
  const app = await buildApp({
    config: {
      http: {
        host: '127.0.0.1',
        port: 0,
        publicUrl: null,
        trustProxy: false,
        bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
        importLimitBytes: 5 * 1024 * 1024,
      },
      logLevel: 'silent',
      webDir: '/nonexistent',
    },
    services,
    logger: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    dialect,
    database: testDb.database,
    db,
    clock,
    services,
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await db.destroy();
      await testDb.drop();
    },
  };
}
