import type { Db } from '../../db/connection.js';

/**
 * The few facts of the register supervision reads on its hot paths (an asset's client, site and criticality), read
 * directly rather than through the assets service: ingest and the engine read them for thousands of results a second.
 */
export function assetForMonitoring(db: Db, assetId: string) {
  return db
    .selectFrom('assets')
    .select(['id', 'client_id', 'site_id', 'name', 'criticality'])
    .where('id', '=', assetId)
    .executeTakeFirst();
}

export function assetByName(db: Db, clientId: string, name: string) {
  return db
    .selectFrom('assets')
    .select(['id', 'client_id', 'site_id', 'name', 'criticality'])
    .where('client_id', '=', clientId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}
