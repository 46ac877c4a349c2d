import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as identity from './migrations/0001-identity.js';
import * as register from './migrations/0002-register.js';
import * as audit from './migrations/0003-audit.js';
import * as tickets from './migrations/0004-tickets.js';
import * as mail from './migrations/0005-mail.js';
import * as reports from './migrations/0006-reports.js';
import * as mailRecipient from './migrations/0007-mail-recipient.js';
import * as monitoring from './migrations/0008-monitoring.js';
import type { Database } from './schema.js';

const migrations: Record<string, Migration> = {
  '0001-identity': identity,
  '0002-register': register,
  '0003-audit': audit,
  '0004-tickets': tickets,
  '0005-mail': mail,
  '0006-reports': reports,
  '0007-mail-recipient': mailRecipient,
  '0008-monitoring': monitoring,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest version; forward-only, the same files for both databases. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
