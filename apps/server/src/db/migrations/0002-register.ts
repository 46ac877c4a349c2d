import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('client_mail_domains')
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('client_mail_domains_client').on('client_mail_domains').column('client_id').execute();

  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('name', t.name, (c) => c.notNull())
    .addColumn('address', t.json, (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('access_notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('sites_client_name', ['client_id', 'name'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', t.name, (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('mobile', 'text')
    .addColumn('job_title', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contacts_client_name')
    .on('contacts')
    .columns(['client_id', 'last_name', 'id'])
    .execute();
  // One contact per address and client: the mail intake recognizes senders by it.
  await db.schema
    .createIndex('contacts_client_email')
    .on('contacts')
    .columns(['client_id', 'email'])
    .unique()
    .execute();
  await db.schema.createIndex('contacts_email').on('contacts').column('email').execute();

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('name', t.name, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('scope_domains', t.json, (c) => c.notNull())
    .addColumn('support_levels', t.json, (c) => c.notNull())
    .addColumn('sla_policy', t.json, (c) => c.notNull())
    .addColumn('calendar', t.json, (c) => c.notNull())
    .addColumn('hour_bank', t.json)
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('auto_renew', 'integer', (c) => c.notNull())
    .addColumn('renewal_notice_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contracts_client').on('contracts').column('client_id').execute();

  await db.schema
    .createTable('vendors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', t.name, (c) => c.notNull().unique())
    .addColumn('website', 'text')
    .addColumn('support_phone', 'text')
    .addColumn('support_email', 'text')
    .addColumn('support_url', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('name', t.name, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('criticality', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('vendor_id', 'text', (c) => c.references('vendors.id'))
    .addColumn('vendor_contract_ref', 'text')
    .addColumn('attributes', t.json, (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('assets_client_name', ['client_id', 'name'])
    .execute();
  // Lists page by (name, id), within a client and optionally a type.
  await db.schema.createIndex('assets_name').on('assets').columns(['name', 'id']).execute();
  await db.schema
    .createIndex('assets_client_type_name')
    .on('assets')
    .columns(['client_id', 'type', 'name', 'id'])
    .execute();
  await db.schema.createIndex('assets_type_name').on('assets').columns(['type', 'name', 'id']).execute();
  await db.schema.createIndex('assets_site').on('assets').column('site_id').execute();
  await db.schema.createIndex('assets_owner').on('assets').column('owner_contact_id').execute();

  await db.schema
    .createTable('asset_relations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('asset_relations_edge', ['source_id', 'kind', 'target_id'])
    .execute();
  await db.schema.createIndex('asset_relations_client').on('asset_relations').column('client_id').execute();
  await db.schema.createIndex('asset_relations_target').on('asset_relations').column('target_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
