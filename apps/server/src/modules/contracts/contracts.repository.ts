import type { Contract } from '@vigie/contracts';
import { entrySupportLevel, levelsKeptByClient, renewalNoticeDate, type SupportLevel } from '@vigie/domain';
import type { Db } from '../../db/connection.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { decodeCursor, toPage } from '../../db/pagination.js';
import type { ContractRow } from '../../db/schema.js';

export function presentContract(row: ContractRow): Contract {
  const levels = fromJson<SupportLevel[]>(row.support_levels);
  return {
    id: row.id,
    clientId: row.client_id,
    reference: row.reference,
    name: row.name,
    kind: row.kind as Contract['kind'],
    delivery: row.delivery as Contract['delivery'],
    scopeDomains: fromJson(row.scope_domains),
    supportLevels: levels,
    entryLevel: entrySupportLevel(levels),
    levelsKeptByClient: levelsKeptByClient(levels),
    slaPolicy: fromJson(row.sla_policy),
    calendar: fromJson(row.calendar),
    hourBank: row.hour_bank === null ? null : fromJson(row.hour_bank),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    autoRenew: row.auto_renew === 1,
    renewalNoticeDays: row.renewal_notice_days,
    renewalNoticeOn: renewalNoticeDate(row.ends_on, row.renewal_notice_days),
    status: row.status as Contract['status'],
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const jsonColumns = (row: ContractRow) => ({
  scope_domains: toJson(row.scope_domains),
  support_levels: toJson(row.support_levels),
  sla_policy: toJson(row.sla_policy),
  calendar: toJson(row.calendar),
  hour_bank: row.hour_bank === null ? null : toJson(row.hour_bank),
});

export async function findContract(db: Db, id: string): Promise<ContractRow | undefined> {
  return db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findContractIdByReference(db: Db, reference: string): Promise<string | undefined> {
  return (await db.selectFrom('contracts').select('id').where('reference', '=', reference).executeTakeFirst())?.id;
}

export async function insertContract(db: Db, row: ContractRow): Promise<void> {
  await db
    .insertInto('contracts')
    .values({ ...row, ...jsonColumns(row) })
    .execute();
}

export async function updateContract(db: Db, row: ContractRow): Promise<void> {
  const { id, created_at, client_id, ...changes } = row;
  await db
    .updateTable('contracts')
    .set({ ...changes, ...jsonColumns(row) })
    .where('id', '=', id)
    .execute();
}

export async function deleteContract(db: Db, id: string): Promise<void> {
  await db.deleteFrom('contracts').where('id', '=', id).execute();
}

export async function listContracts(db: Db, clientId: string, query: { cursor?: string | undefined; limit: number }) {
  const cursor = decodeCursor(query.cursor);
  let q = db
    .selectFrom('contracts')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (cursor) {
    const after = String(cursor.after);
    q = q.where((eb) => eb(eb.refTuple('starts_on', 'id'), '<', eb.tuple(after, cursor.id)));
  }
  return toPage(await q.execute(), query.limit, presentContract, (r) => ({ after: r.starts_on, id: r.id }));
}
