import type { Db } from '../../../db/connection.js';

/**
 * SQL of availability: the checks of a client or an asset with their asset, and the check changes that count (hard
 * states, and unreachable whatever its attempt: a parent is down, the check itself never gets a hard state then).
 */
export type CheckFilter = { clientId: string } | { assetId: string };

export function checksFor(db: Db, filter: CheckFilter) {
  let query = db
    .selectFrom('checks as c')
    .innerJoin('assets as a', 'a.id', 'c.asset_id')
    .select(['c.id', 'c.name', 'c.client_id', 'c.asset_id', 'c.host_check', 'a.name as asset_name', 'a.site_id']);
  query =
    'clientId' in filter
      ? query.where('c.client_id', '=', filter.clientId)
      : query.where('c.asset_id', '=', filter.assetId);
  return query.execute();
}

export type CheckInfo = Awaited<ReturnType<typeof checksFor>>[number];

/** The counted changes in [from, to), oldest first. */
export function changesBetween(db: Db, filter: CheckFilter, from: string, to: string) {
  let query = db
    .selectFrom('check_changes as cc')
    .select(['cc.check_id', 'cc.at', 'cc.status'])
    .where('cc.at', '>=', from)
    .where('cc.at', '<', to)
    .where((eb) => eb.or([eb('cc.hard', '=', 1), eb('cc.status', '=', 'unreachable')]))
    .orderBy('cc.at')
    .orderBy('cc.id');
  query =
    'clientId' in filter
      ? query.innerJoin('checks as c', 'c.id', 'cc.check_id').where('c.client_id', '=', filter.clientId)
      : query.where('cc.asset_id', '=', filter.assetId);
  return query.execute();
}

/** Each check's last counted change before `from`: the state it entered the period in. */
export function statesBefore(db: Db, filter: CheckFilter, from: string) {
  let last = db
    .selectFrom('check_changes as l')
    .select(['l.check_id'])
    .select((eb) => eb.fn.max('l.at').as('at'))
    .where('l.at', '<', from)
    .where((eb) => eb.or([eb('l.hard', '=', 1), eb('l.status', '=', 'unreachable')]))
    .groupBy('l.check_id');
  last =
    'clientId' in filter
      ? last.innerJoin('checks as c', 'c.id', 'l.check_id').where('c.client_id', '=', filter.clientId)
      : last.where('l.asset_id', '=', filter.assetId);
  return db
    .selectFrom('check_changes as cc')
    .innerJoin(last.as('last'), (join) =>
      join.onRef('last.check_id', '=', 'cc.check_id').onRef('last.at', '=', 'cc.at'),
    )
    .select(['cc.check_id', 'cc.status'])
    .where((eb) => eb.or([eb('cc.hard', '=', 1), eb('cc.status', '=', 'unreachable')]))
    .orderBy('cc.id')
    .execute();
}

/** The client an asset belongs to, with its zone. */
export function assetClient(db: Db, assetId: string) {
  return db
    .selectFrom('assets as a')
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .select(['a.id', 'a.client_id', 'c.time_zone'])
    .where('a.id', '=', assetId)
    .executeTakeFirst();
}

export function clientZone(db: Db, clientId: string) {
  return db.selectFrom('clients').select(['id', 'time_zone']).where('id', '=', clientId).executeTakeFirst();
}
