import { type Expression, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Which database a Kysely instance talks to; the only place that asks. */
export function dialectOf(db: { getExecutor(): { adapter: unknown } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column types that differ between the two databases; migrations use these and nothing inline. */
export function columnTypes(dialect: DialectName) {
  // Names people sort by: case-insensitive on SQLite; PostgreSQL follows the database's collation.
  return dialect === 'postgres'
    ? { instant: sql`timestamptz`, json: sql`jsonb`, name: sql`text`, bytes: sql`bytea` }
    : { instant: sql`text`, json: sql`text`, name: sql`text collate nocase`, bytes: sql`blob` };
}

/** JSON as read back: PostgreSQL's driver parses jsonb, SQLite returns the text. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** JSON as written: both databases accept the text (PostgreSQL casts it to jsonb). */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Case-insensitive "contains": ILIKE on PostgreSQL, LIKE (ASCII case-insensitive) on SQLite. */
export function containsInsensitive(
  dialect: DialectName,
  column: Expression<string | null>,
  term: string,
): RawBuilder<SqlBool> {
  const pattern = likePattern(term);
  return dialect === 'postgres'
    ? sql<SqlBool>`${column} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`${column} like ${pattern} escape '\\'`;
}
