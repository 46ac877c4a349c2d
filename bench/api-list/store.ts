import type { Config } from '../../apps/server/src/config.js';

export type DbKind = 'sqlite' | 'postgres';

/** Where a benchmark's data lives: a temporary SQLite directory or a fresh PostgreSQL database. */
export interface Store {
  kind: DbKind;
  database: Config['database'];
  /** Environment the server needs to reach this store. */
  env: Record<string, string>;
}
