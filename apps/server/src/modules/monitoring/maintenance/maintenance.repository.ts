import type { Db } from '../../../db/connection.js';
import type { MaintenanceWindowRow } from '../../../db/schema-monitoring.js';
import type { MaintenanceScope } from './maintenance-windows.js';

/** SQL of maintenance windows, and the few facts of the register a window's scope is checked against. */
export function findWindow(db: Db, id: string) {
  return db.selectFrom('maintenance_windows').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Windows of some clients (or all), with the client's name; a client has a handful, a provider a few thousand. */
export function windowsOf(db: Db, clientIds: 'all' | readonly string[]) {
  let query = db
    .selectFrom('maintenance_windows as w')
    .innerJoin('clients as c', 'c.id', 'w.client_id')
    .selectAll('w')
    .select('c.name as client_name')
    .orderBy('w.starts_at')
    .orderBy('w.id');
  if (clientIds !== 'all') query = query.where('w.client_id', 'in', clientIds.length > 0 ? [...clientIds] : ['']);
  return query.execute();
}

export async function insertWindow(db: Db, row: MaintenanceWindowRow): Promise<void> {
  await db.insertInto('maintenance_windows').values(row).execute();
}

export async function updateWindow(db: Db, row: MaintenanceWindowRow): Promise<void> {
  const { id, client_id: _client, created_at: _created, created_by: _by, ...values } = row;
  await db.updateTable('maintenance_windows').set(values).where('id', '=', id).execute();
}

export async function deleteWindow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('maintenance_windows').where('id', '=', id).execute();
}

/** The client that owns a scope's target and its name (and a site's own zone), or undefined when there is none. */
export async function scopeTarget(db: Db, scope: MaintenanceScope, id: string) {
  switch (scope) {
    case 'client':
      return db
        .selectFrom('clients')
        .select(['id as client_id', 'name', 'time_zone'])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'site':
      return db.selectFrom('sites').select(['client_id', 'name', 'time_zone']).where('id', '=', id).executeTakeFirst();
    case 'asset':
      return withoutZone(
        await db.selectFrom('assets').select(['client_id', 'name']).where('id', '=', id).executeTakeFirst(),
      );
    case 'check':
      return withoutZone(
        await db.selectFrom('checks').select(['client_id', 'name']).where('id', '=', id).executeTakeFirst(),
      );
  }
}

const withoutZone = (row: { client_id: string; name: string } | undefined) =>
  row && { ...row, time_zone: null as string | null };

/** Names of the targets of windows, per scope, for the calendar's labels. */
export async function scopeNames(db: Db, ids: Record<MaintenanceScope, string[]>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const add = (rows: { id: string; name: string }[]) => {
    for (const row of rows) names.set(row.id, row.name);
  };
  if (ids.client.length > 0)
    add(await db.selectFrom('clients').select(['id', 'name']).where('id', 'in', ids.client).execute());
  if (ids.site.length > 0)
    add(await db.selectFrom('sites').select(['id', 'name']).where('id', 'in', ids.site).execute());
  if (ids.asset.length > 0)
    add(await db.selectFrom('assets').select(['id', 'name']).where('id', 'in', ids.asset).execute());
  if (ids.check.length > 0)
    add(await db.selectFrom('checks').select(['id', 'name']).where('id', 'in', ids.check).execute());
  return names;
}
