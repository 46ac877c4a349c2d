/** The clients and contacts the mail comes from: created through the real services before the server starts. */

import { systemCtx } from '../../apps/server/src/core/actor.js';
import { systemClock } from '../../apps/server/src/core/clock.js';
import type { Db } from '../../apps/server/src/db/connection.js';
import { migrateToLatest } from '../../apps/server/src/db/migrate.js';
import { buildServices } from '../../apps/server/src/http/services.js';

export const CLIENTS = 20;
export const CONTACTS_PER_CLIENT = 10;

export function contactAddress(client: number, contact: number): string {
  return `person${contact}@client${client}.bench.test`;
}

export async function seed(db: Db): Promise<void> {
  await migrateToLatest(db);
  const services = buildServices(db, systemClock, { sessionHours: 12, maxFailures: 5, lockMinutes: 15 });
  for (let c = 0; c < CLIENTS; c++) {
    const client = await services.clients.create(systemCtx, {
      code: `BENCH${c}`,
      name: `Bench client ${c}`,
      legalName: `Bench client ${c} SAS`,
      timeZone: 'Europe/Paris',
      locale: 'fr',
      address: {},
      mailDomains: [`client${c}.bench.test`],
      active: true,
    } as never);
    await services.contracts.create(systemCtx, client.id, {
      reference: `BENCH-${c}`,
      name: 'Contract',
      kind: 'total',
      delivery: 'remote',
      scopeDomains: ['servers'],
      supportLevels: [1, 2, 3],
      hourBank: null,
      startsOn: '2026-01-01',
      endsOn: null,
      autoRenew: true,
      renewalNoticeDays: 90,
      status: 'active',
    } as never);
    for (let p = 0; p < CONTACTS_PER_CLIENT; p++) {
      await services.contacts.create(systemCtx, client.id, {
        firstName: 'Person',
        lastName: `${c}-${p}`,
        email: contactAddress(c, p),
        locale: 'fr',
        isPrimary: p === 0,
      } as never);
    }
  }
}
