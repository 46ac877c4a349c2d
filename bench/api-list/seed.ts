/** Seeding for api-list: 1,000 clients, 2,000 sites and 100,000 assets written in bulk, then an admin and a read token. */
import {
  ASSET_STATUSES,
  ASSET_TYPES,
  type AssetType,
  ATTRIBUTES_BY_TYPE,
  type AttributeDefinition,
} from '@vigie/domain';
import { sql } from 'kysely';
import { systemCtx } from '../../apps/server/src/core/actor.js';
import { systemClock } from '../../apps/server/src/core/clock.js';
import { newId } from '../../apps/server/src/core/ids.js';
import { type Db, openDatabase } from '../../apps/server/src/db/connection.js';
import { toJson } from '../../apps/server/src/db/dialect.js';
import { migrateToLatest } from '../../apps/server/src/db/migrate.js';
import type { AssetRow, ClientRow, SiteRow } from '../../apps/server/src/db/schema.js';
import { buildServices } from '../../apps/server/src/http/services.js';
import type { Store } from './store.js';

export const CLIENTS = 1_000;
export const ASSETS_PER_CLIENT = 100;
export const SITES_PER_CLIENT = 2;
export const ADMIN_PASSWORD = 'bench-admin-password';

/** How many of each type a client of 100 assets has: mostly end-user devices, then servers and VMs, a few of the rest. */
const TYPE_MIX: Record<AssetType, number> = {
  workstation: 28,
  laptop: 20,
  virtual_machine: 12,
  server: 8,
  phone: 5,
  printer: 4,
  switch: 3,
  access_point: 3,
  database: 2,
  application: 2,
  firewall: 1,
  router: 1,
  ups: 1,
  nas: 1,
  office_suite: 1,
  business_software: 1,
  service: 1,
  domain_name: 1,
  tls_certificate: 1,
  cloud_resource: 1,
  backup_repository: 1,
  hypervisor_cluster: 1,
  virtual_firewall: 1,
};

const PREFIX: Record<AssetType, string> = {
  server: 'srv',
  nas: 'nas',
  switch: 'sw',
  router: 'rtr',
  firewall: 'fw',
  access_point: 'ap',
  ups: 'ups',
  workstation: 'ws',
  laptop: 'lt',
  printer: 'prn',
  phone: 'tel',
  virtual_machine: 'vm',
  virtual_firewall: 'vfw',
  hypervisor_cluster: 'hv',
  database: 'db',
  application: 'app',
  office_suite: 'off',
  business_software: 'biz',
  service: 'svc',
  domain_name: 'dom',
  tls_certificate: 'tls',
  cloud_resource: 'cld',
  backup_repository: 'bak',
};

/** One client's 100 types, interleaved so that sequence numbers do not group by type. */
const CLIENT_TYPES: AssetType[] = (() => {
  const bag = ASSET_TYPES.flatMap((type) => Array.from({ length: TYPE_MIX[type] }, () => type));
  if (bag.length !== ASSETS_PER_CLIENT) throw new Error(`type mix sums to ${bag.length}, not ${ASSETS_PER_CLIENT}`);
  // Deterministic shuffle (LCG) so that every run seeds the same register.
  let seed = 42;
  for (let i = bag.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = seed % (i + 1);
    [bag[i], bag[j]] = [bag[j] as AssetType, bag[i] as AssetType];
  }
  return bag;
})();

function attributeValue(definition: AttributeDefinition, n: number): string | number | boolean {
  switch (definition.kind) {
    case 'text':
      return `${definition.key.replace(/_/g, '-')}-${n % 97}`;
    case 'integer':
      return (n % 64) + 1;
    case 'number':
      return ((n % 512) + 1) / 2;
    case 'date':
      return `202${n % 6}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
    case 'ip':
      return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    case 'boolean':
      return n % 2 === 0;
  }
}

/** The first few attributes of the type (three to five), with plausible values. */
function attributesOf(type: AssetType, n: number): Record<string, string | number | boolean> {
  const definitions = ATTRIBUTES_BY_TYPE[type].slice(0, 3 + (n % 3));
  return Object.fromEntries(definitions.map((d) => [d.key, attributeValue(d, n)]));
}

function statusOf(n: number): string {
  const r = n % 50;
  if (r === 0) return 'retired';
  if (r === 1) return 'maintenance';
  if (r === 2) return 'planned';
  return ASSET_STATUSES[1]; // in_service
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export interface Seeded {
  clientId: string;
  token: string;
  ms: number;
}

export async function seed(store: Store): Promise<Seeded> {
  const started = performance.now();
  const db: Db = openDatabase(store.database);
  try {
    await migrateToLatest(db);
    const now = new Date().toISOString();
    const clients: ClientRow[] = [];
    const sites: SiteRow[] = [];
    const assets: AssetRow[] = [];
    for (let c = 1; c <= CLIENTS; c++) {
      const code = String(c).padStart(4, '0');
      const clientId = newId();
      clients.push({
        id: clientId,
        code: `C${code}`,
        name: `Client ${code}`,
        legal_name: `Client ${code} SAS`,
        time_zone: 'Europe/Paris',
        locale: 'fr',
        phone: '+33 1 23 45 67 89',
        email: `it@client-${code}.example`,
        website: null,
        address: toJson({ line1: `${c} rue de la Paix`, postalCode: '75002', city: 'Paris', country: 'FR' }),
        notes: null,
        active: 1,
        created_at: now,
        updated_at: now,
      });
      const siteIds: string[] = [];
      for (let s = 1; s <= SITES_PER_CLIENT; s++) {
        const siteId = newId();
        siteIds.push(siteId);
        sites.push({
          id: siteId,
          client_id: clientId,
          name: s === 1 ? 'Siège' : `Agence ${s}`,
          address: toJson({ line1: `${s} avenue du Général Leclerc`, city: 'Lyon', country: 'FR' }),
          phone: null,
          time_zone: null,
          access_notes: null,
          created_at: now,
          updated_at: now,
        });
      }
      CLIENT_TYPES.forEach((type, index) => {
        const seq = index + 1;
        const n = c * ASSETS_PER_CLIENT + seq;
        assets.push({
          id: newId(),
          client_id: clientId,
          // Cloud things and licences belong to no site; the rest mostly to the head office.
          site_id: ['cloud_resource', 'domain_name', 'tls_certificate', 'office_suite'].includes(type)
            ? null
            : (siteIds[n % 3 === 0 ? 1 : 0] ?? null),
          name: `${PREFIX[type]}-${code}-${String(seq).padStart(3, '0')}`,
          type,
          criticality: (n % 4) + 1,
          status: statusOf(n),
          owner_contact_id: null,
          vendor_id: null,
          vendor_contract_ref: n % 5 === 0 ? `VC-${n}` : null,
          attributes: toJson(attributesOf(type, n)),
          notes: n % 10 === 0 ? 'Vérifier la garantie avant renouvellement.' : null,
          created_at: now,
          updated_at: now,
        });
      });
    }
    await db.transaction().execute(async (trx) => {
      await insertChunked(clients, 500, (chunk) => trx.insertInto('clients').values(chunk).execute());
      await insertChunked(sites, 500, (chunk) => trx.insertInto('sites').values(chunk).execute());
      await insertChunked(assets, 1_000, (chunk) => trx.insertInto('assets').values(chunk).execute());
    });
    // PostgreSQL's autovacuum analyses a freshly loaded table within a minute; do it now so plans are steady.
    // SQLite is left as the server leaves it (the server never runs ANALYZE).
    if (store.kind === 'postgres') await sql`analyze`.execute(db);
    const ms = performance.now() - started;

    const services = buildServices(db, systemClock, { sessionHours: 12, maxFailures: 5, lockMinutes: 15 });
    const admin = await services.users.create(systemCtx, {
      email: 'bench@vigie.local',
      name: 'Bench',
      role: 'admin',
      clientId: null,
      supportLevel: null,
      specialties: [],
      locale: 'fr',
      password: ADMIN_PASSWORD,
    });
    const { secret } = await services.tokens.create(
      { actor: { ...systemCtx.actor, userId: admin.id, role: 'admin', name: 'bench' }, requestId: null },
      { name: 'bench', scopes: ['read'], expiresInDays: 1 },
    );
    const middle = clients[CLIENTS / 2 - 1];
    if (!middle) throw new Error('no clients seeded');
    return { clientId: middle.id, token: secret, ms };
  } finally {
    await db.destroy();
  }
}
