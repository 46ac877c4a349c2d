import { AppError } from '../core/errors.js';

/** Keyset position: the sort value of the last row shown and its id (the tie-breaker). */
export interface Cursor {
  after: string | number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.after, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string' &&
      // PostgreSQL's text takes no NUL: a forged one would fail the query (500) rather than be refused.
      !`${value[0]}${value[1]}`.includes('\u0000')
    ) {
      return { after: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError(400, 'invalid_cursor', 'cursor is not one this server gave out');
}

/**
 * The sort value of a cursor on an instant column, as this server writes instants; anything else is refused like a
 * cursor it never gave out (PostgreSQL would fail on it as a timestamp).
 */
export function instantAfter(cursor: Cursor): string {
  const after = cursor.after;
  if (typeof after === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(after) && after >= '0001') {
    const date = new Date(after);
    if (!Number.isNaN(date.getTime()) && date.toISOString() === after) return after;
  }
  throw new AppError(400, 'invalid_cursor', 'cursor is not one this server gave out');
}

/** Rows were fetched with limit + 1: trims the extra one and builds the next cursor from the last row kept. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
  cursorOf: (row: Row) => Cursor,
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(present), nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}

/** An `IN` list never empty: an empty scope must match nothing, and `IN ()` is not SQL. */
export function nonEmpty(ids: readonly string[]): readonly string[] {
  return ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000'];
}
