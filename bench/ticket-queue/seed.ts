/**
 * Seeding for ticket-queue: the base rows (1,000 clients, 50 teams, 200 technicians, a contract per client,
 * categories), 960,000 closed tickets and 40,000 open ones, written in bulk with the tickets' secondary indexes
 * dropped and built again afterwards.
 *
 * The seeded database is cached (see cache.ts). Open tickets depend on the time of the run (deadlines, fired
 * milestones, auto-close instants), so a cached database gets them rewritten on every run: the numbers after the
 * closed ones are deleted with what the previous run's server added (sessions, events, milestones,
 * notifications, audit) and written afresh relative to now.
 *
 * Not seeded: contacts (requesters are names only), assets, ticket events (timelines), SLA milestone rows
 * (the `fired` list in each ticket's `sla` says what fired) and full-text documents (`ticket_fts`): no queue reads
 * them, and search is not what this benchmark measures.
 */
import { SCOPE_DOMAINS } from '@vigie/domain';
import { openDatabase } from '../../apps/server/src/db/connection.js';
import { toJson } from '../../apps/server/src/db/dialect.js';
import { migrateToLatest } from '../../apps/server/src/db/migrate.js';
import { hashPassword } from '../../apps/server/src/modules/identity/secrets.js';
import type { Store } from '../api-list/store.js';
import { type BulkWriter, openBulkWriter, type Row } from './bulk.js';
import {
  BASE_EPOCH,
  type BasePlan,
  CATEGORIES,
  CLIENTS_PER_TEAM,
  CLOSED_TICKETS,
  iso,
  PASSWORD,
  TERMS,
  TICKETS,
} from './plan.js';
import { closedTickets, openTickets } from './ticket-rows.js';

const BATCH = 5_000;
export const MARKER_KEY = 'bench.ticket_queue';

export interface Marker {
  key: string;
  seededAt: string;
  seedMs: number;
  ticketsMs: number;
  indexMs: number;
}

type Log = (message: string) => void;

async function baseRows(writer: BulkWriter, plan: BasePlan): Promise<void> {
  const at = iso(BASE_EPOCH);
  const clients: Row[] = plan.clientIds.map((id, c) => {
    const code = String(c + 1).padStart(4, '0');
    return {
      id,
      code: `C${code}`,
      name: `Client ${code}`,
      legal_name: `Client ${code} SAS`,
      time_zone: 'Europe/Paris',
      locale: 'fr',
      phone: '+33 1 23 45 67 89',
      email: `it@client-${code}.example`,
      website: null,
      address: toJson({ line1: `${c + 1} rue de la Paix`, postalCode: '75002', city: 'Paris', country: 'FR' }),
      notes: null,
      active: 1,
      created_at: at,
      updated_at: at,
    };
  });
  await writer.insert('clients', clients);
  await writer.insert(
    'teams',
    plan.teamIds.map((id, t) => ({
      id,
      name: `Équipe ${String(t + 1).padStart(2, '0')}`,
      description: `Clients C${String(t * CLIENTS_PER_TEAM + 1).padStart(4, '0')} à C${String((t + 1) * CLIENTS_PER_TEAM).padStart(4, '0')}`,
      created_at: at,
      updated_at: at,
    })),
  );
  // One hash for all: argon2 takes tens of milliseconds by design.
  const passwordHash = await hashPassword(PASSWORD);
  await writer.insert(
    'users',
    plan.technicians.map((t) => ({
      id: t.id,
      email: t.email,
      name: t.name,
      password_hash: passwordHash,
      role: 'technician',
      client_id: null,
      support_level: t.level,
      specialties: '[]',
      locale: 'fr',
      active: 1,
      last_login_at: null,
      created_at: at,
      updated_at: at,
    })),
  );
  await writer.insert(
    'team_members',
    plan.technicians.flatMap((t) => t.teams.map((team) => ({ team_id: plan.teamIds[team], user_id: t.id }))),
  );
  await writer.insert(
    'team_clients',
    plan.clientIds.map((client_id, c) => ({ team_id: plan.teamIds[Math.floor(c / CLIENTS_PER_TEAM)], client_id })),
  );
  await writer.insert(
    'contracts',
    plan.contractIds.map((id, c) => ({
      id,
      client_id: plan.clientIds[c],
      reference: `CT-${String(c + 1).padStart(4, '0')}`,
      name: 'Infogérance globale',
      kind: 'total',
      delivery: c % 3 === 0 ? 'hybrid' : 'remote',
      scope_domains: toJson(SCOPE_DOMAINS),
      support_levels: '[1,2,3]',
      sla_policy: toJson(TERMS.policy),
      calendar: toJson(TERMS.calendar),
      hour_bank: null,
      starts_on: '2021-01-01',
      ends_on: null,
      auto_renew: 1,
      renewal_notice_days: 90,
      status: 'active',
      notes: null,
      created_at: at,
      updated_at: at,
    })),
  );
  await writer.insert(
    'ticket_categories',
    plan.categoryIds.map((id, i) => ({
      id,
      name: CATEGORIES[i]?.name,
      scope_domain: CATEGORIES[i]?.domain,
      default_team_id: null,
      active: 1,
      created_at: at,
      updated_at: at,
    })),
  );
}

function progress(log: Log, label: string, started: number) {
  let last = started;
  let lastCount = 0;
  return (count: number, total: number) => {
    const now = performance.now();
    if (count < total && now - last < 5_000) return;
    const rate = ((count - lastCount) * 1000) / (now - last);
    const average = (count * 1000) / (now - started);
    log(
      `${label}: ${count.toLocaleString('en')} / ${total.toLocaleString('en')} tickets, ${Math.round(rate).toLocaleString('en')} rows/s (average ${Math.round(average).toLocaleString('en')})`,
    );
    last = now;
    lastCount = count;
  };
}

/** A new database: schema, base rows, a million tickets, indexes, statistics; returns the cache marker. */
export async function seed(store: Store, plan: BasePlan, key: string, log: Log): Promise<Marker> {
  const started = performance.now();
  const db = openDatabase(store.database);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  const writer = await openBulkWriter(store.database);
  try {
    await baseRows(writer, plan);
    const indexes = await writer.dropIndexes('tickets');
    const ticketsStarted = performance.now();
    const now = Date.now();
    const report = progress(log, `${store.kind} seed`, ticketsStarted);
    let count = 0;
    for (const batch of closedTickets(plan, now, BATCH)) {
      await writer.insert('tickets', batch);
      count += batch.length;
      report(count, TICKETS);
    }
    const open = openTickets(plan, now);
    for (let i = 0; i < open.length; i += BATCH) {
      await writer.insert('tickets', open.slice(i, i + BATCH));
      count += Math.min(BATCH, open.length - i);
      report(count, TICKETS);
    }
    await writer.insert('counters', [{ name: 'ticket', value: TICKETS }]);
    const ticketsMs = performance.now() - ticketsStarted;
    log(`${store.kind} seed: building ${indexes.length} indexes of tickets`);
    const indexStarted = performance.now();
    for (const definition of indexes) await writer.exec(definition);
    // What autovacuum does to a freshly loaded table (statistics, visibility map); SQLite is left as the server
    // leaves it (the server never runs ANALYZE).
    if (store.kind === 'postgres') await writer.exec('vacuum analyze');
    const indexMs = performance.now() - indexStarted;
    const marker: Marker = {
      key,
      seededAt: new Date(now).toISOString(),
      seedMs: Math.round(performance.now() - started),
      ticketsMs: Math.round(ticketsMs),
      indexMs: Math.round(indexMs),
    };
    await writer.insert('settings', [{ key: MARKER_KEY, value: toJson(marker), updated_at: marker.seededAt }]);
    return marker;
  } finally {
    await writer.close();
  }
}

/** Writes the open tickets again relative to now, and removes what the previous run's server wrote. */
export async function refreshOpenTickets(store: Store, plan: BasePlan): Promise<number> {
  const started = performance.now();
  const writer = await openBulkWriter(store.database);
  try {
    for (const table of ['ticket_events', 'sla_milestones', 'notifications', 'sessions', 'login_throttle']) {
      await writer.exec(`delete from ${table}`);
    }
    await writer.exec('delete from audit_events');
    await writer.exec(`delete from tickets where number > ${CLOSED_TICKETS}`);
    const open = openTickets(plan, Date.now());
    for (let i = 0; i < open.length; i += BATCH) await writer.insert('tickets', open.slice(i, i + BATCH));
    await writer.exec(`update counters set value = ${TICKETS} where name = 'ticket'`);
    // Dead rows of the previous run's open tickets would otherwise pile up from run to run.
    if (store.kind === 'postgres') await writer.exec('vacuum analyze tickets');
    return performance.now() - started;
  } finally {
    await writer.close();
  }
}

/** The cache marker of a seeded database, or null when there is none (new, interrupted or another schema). */
export async function readMarker(store: Store): Promise<Marker | null> {
  const db = openDatabase(store.database);
  try {
    const row = await db.selectFrom('settings').select('value').where('key', '=', MARKER_KEY).executeTakeFirst();
    if (!row) return null;
    return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as Marker;
  } catch {
    return null;
  } finally {
    await db.destroy();
  }
}
