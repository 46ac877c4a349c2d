import type { Intervention } from '@vigie/contracts';
import type { Db } from '../../db/connection.js';
import { decodeCursor, instantAfter, toPage } from '../../db/pagination.js';
import type { InterventionRow } from '../../db/schema.js';

/** A visit with the names shown next to it; the signature image is read only where it is drawn. */
export type InterventionRecord = Omit<InterventionRow, 'signature_png'> & {
  site_name: string;
  technician_name: string;
};

export function presentIntervention(row: InterventionRecord): Intervention {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    site: { id: row.site_id, name: row.site_name },
    technician: { id: row.technician_id, name: row.technician_name },
    scheduledStart: row.scheduled_start,
    durationMinutes: row.duration_minutes,
    travelMinutes: row.travel_minutes,
    status: row.status as Intervention['status'],
    report: row.report,
    signedBy: row.signed_by,
    signedAt: row.signed_at,
    createdAt: row.created_at,
  };
}

function selectInterventions(db: Db) {
  return db
    .selectFrom('interventions as i')
    .innerJoin('sites', 'sites.id', 'i.site_id')
    .innerJoin('users', 'users.id', 'i.technician_id')
    .select([
      'i.id',
      'i.ticket_id',
      'i.client_id',
      'i.site_id',
      'i.technician_id',
      'i.scheduled_start',
      'i.duration_minutes',
      'i.travel_minutes',
      'i.status',
      'i.report',
      'i.signed_by',
      'i.signed_at',
      'i.created_at',
      'i.updated_at',
      'sites.name as site_name',
      'users.name as technician_name',
    ]);
}

export async function findIntervention(db: Db, id: string): Promise<InterventionRecord | undefined> {
  return selectInterventions(db).where('i.id', '=', id).executeTakeFirst();
}

/** The signature of a signed visit, as stored (base64 PNG, without the data-URL prefix). */
export async function findSignature(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('interventions').select('signature_png').where('id', '=', id).executeTakeFirst();
  return row?.signature_png ?? null;
}

export async function insertIntervention(db: Db, row: InterventionRow): Promise<void> {
  await db.insertInto('interventions').values(row).execute();
}

/** Moves a visit on from `planned`; false when it was no longer planned (someone else closed it meanwhile). */
export async function closeIntervention(
  db: Db,
  id: string,
  changes: Partial<Omit<InterventionRow, 'id' | 'ticket_id' | 'client_id' | 'created_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('interventions')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A ticket's visits, earliest first. */
export async function listInterventions(
  db: Db,
  ticketId: string,
  query: { cursor?: string | undefined; limit: number },
) {
  const cursor = decodeCursor(query.cursor);
  let q = selectInterventions(db)
    .where('i.ticket_id', '=', ticketId)
    .orderBy('i.scheduled_start')
    .orderBy('i.id')
    .limit(query.limit + 1);
  if (cursor) {
    const after = instantAfter(cursor);
    q = q.where((eb) => eb(eb.refTuple('i.scheduled_start', 'i.id'), '>', eb.tuple(after, cursor.id)));
  }
  return toPage(await q.execute(), query.limit, presentIntervention, (r) => ({ after: r.scheduled_start, id: r.id }));
}
