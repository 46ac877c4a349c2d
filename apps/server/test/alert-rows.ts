/**
 * Alert rows for tests of what hangs off alerts (notifications), written straight into the tables: the alert engine
 * that normally writes them is tested on its own.
 */
import { newId } from '../src/core/ids.js';
import type { Db } from '../src/db/connection.js';
import type { AlertRow } from '../src/db/schema-monitoring.js';
import { insertCheck as insertCheckRow } from './check-rows.js';

let alertNumber = 0;

/** A check on an asset, as the console would have configured it. */
export function insertCheck(db: Db, clientId: string, assetId: string, name = 'Disk /'): Promise<string> {
  return insertCheckRow(db, { id: assetId, clientId }, name);
}

/** An open alert of a check, change 1. */
export async function insertAlert(
  db: Db,
  at: Date,
  refs: { clientId: string; assetId: string; checkId: string },
  overrides: Partial<AlertRow> = {},
): Promise<AlertRow> {
  alertNumber += 1;
  const row: AlertRow = {
    id: newId(),
    number: alertNumber,
    client_id: refs.clientId,
    asset_id: refs.assetId,
    check_id: refs.checkId,
    fingerprint: `${refs.assetId}:${refs.checkId}:${alertNumber}`,
    kind: 'problem',
    status: 'open',
    severity: 'critical',
    summary: 'Disk / 96 %',
    opened_at: at.toISOString(),
    updated_at: at.toISOString(),
    resolved_at: null,
    ticket_id: null,
    acknowledged_at: null,
    acknowledged_by: null,
    change_seq: 1,
    ...overrides,
  };
  await db.insertInto('alerts').values(row).execute();
  return row;
}

/** A state change of an alert as the engine makes it: the fields change and `change_seq` goes up by one. */
export async function changeAlert(db: Db, alert: AlertRow, fields: Partial<AlertRow>): Promise<AlertRow> {
  const next: AlertRow = { ...alert, ...fields, change_seq: alert.change_seq + 1 };
  const { id, ...rest } = next;
  await db.updateTable('alerts').set(rest).where('id', '=', id).execute();
  return next;
}
