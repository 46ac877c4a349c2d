import type { Db } from '../../db/connection.js';
import { toJson } from '../../db/dialect.js';
import type { TicketCategoryRow } from '../../db/schema.js';

export async function listCategories(db: Db): Promise<TicketCategoryRow[]> {
  return db.selectFrom('ticket_categories').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findCategoryByName(db: Db, name: string): Promise<TicketCategoryRow | undefined> {
  return db.selectFrom('ticket_categories').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertCategory(db: Db, row: TicketCategoryRow): Promise<void> {
  await db.insertInto('ticket_categories').values(row).execute();
}

export async function updateCategory(db: Db, row: TicketCategoryRow): Promise<void> {
  const { id, created_at, ...changes } = row;
  await db.updateTable('ticket_categories').set(changes).where('id', '=', id).execute();
}

export async function categoryInUse(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('tickets').select('id').where('category_id', '=', id).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function deleteCategory(db: Db, id: string): Promise<void> {
  await db.deleteFrom('ticket_categories').where('id', '=', id).execute();
}

export async function saveSetting(db: Db, key: string, value: unknown, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: toJson(value), updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: toJson(value), updated_at: at }))
    .execute();
}
