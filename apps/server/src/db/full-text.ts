/**
 * Full-text search on both databases, for tickets (`ticket_fts`, rowid = ticket number) and knowledge-base
 * articles (`kb_fts`, rowid = article seq). SQLite keeps an FTS5 table, PostgreSQL a tsvector column with a GIN
 * index (migration 0004).
 *
 * Words are folded in JavaScript before they are indexed and before they are searched: lower case, accents
 * removed (é → e, ç → c), ligatures spelled out (œ → oe). Both databases then see the same plain words, so that
 * "reseau" finds "réseau" and the reverse on each of them, without PostgreSQL's `unaccent` extension (not
 * always installable) and whatever either parser would do with dots, e-mail addresses or hyphens.
 */
import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from './connection.js';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

export type FullTextTable = 'ticket_fts' | 'kb_fts';

/** A word longer than this is noise (a hash, a base64 blob): neither indexed nor searched. */
const MAX_WORD_LENGTH = 60;
/** Past this many characters of words, the rest of a very long document is left out of its index entry. */
const MAX_DOCUMENT_LENGTH = 500_000;
/** The most words a search uses; a pasted paragraph is cut rather than refused. */
const MAX_QUERY_WORDS = 32;

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

/** Lower case, without accents or ligatures: "Œuvre à l'Été" → "oeuvre a l'ete". */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[œæßøłđı]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFC');
}

/** The searchable words of a text, folded: runs of letters and digits, everything else separates them. */
export function wordsOf(text: string): string[] {
  return (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= MAX_WORD_LENGTH);
}

/** What a table stores for a text: its folded words, separated by single spaces. */
export function documentOf(text: string): string {
  const document = wordsOf(text).join(' ');
  if (document.length <= MAX_DOCUMENT_LENGTH) return document;
  return document.slice(0, document.lastIndexOf(' ', MAX_DOCUMENT_LENGTH));
}

/** Distinct words of a person's query, in the order given, at most {@link MAX_QUERY_WORDS}. */
export function queryWords(query: string): string[] {
  return [...new Set(wordsOf(query))].slice(0, MAX_QUERY_WORDS);
}

/** Writes (or replaces) the document of one row. */
export async function indexDocument(db: Db, table: FullTextTable, rowid: number, text: string): Promise<void> {
  const document = documentOf(text);
  if (dialectOf(db) === 'postgres') {
    await sql`insert into ${sql.table(table)} (rowid, document) values (${rowid}, to_tsvector('simple', ${document}))
      on conflict (rowid) do update set document = excluded.document`.execute(db);
    return;
  }
  // FTS5 has no upsert: delete, then insert under the same rowid.
  await sql`delete from ${sql.table(table)} where rowid = ${rowid}`.execute(db);
  await sql`insert into ${sql.table(table)} (rowid, document) values (${rowid}, ${document})`.execute(db);
}

/** Removes the document of one row (nothing happens when there is none). */
export async function removeDocument(db: Db, table: FullTextTable, rowid: number): Promise<void> {
  await sql`delete from ${sql.table(table)} where rowid = ${rowid}`.execute(db);
}

/** `all`: every word must appear (a search box); `any`: at least one (suggestions, ranked by how well they match). */
export type MatchMode = 'all' | 'any';

/** The FTS5 MATCH string: each word quoted and a prefix ("word"*), joined by AND (a space) or OR. */
function sqliteMatch(words: readonly string[], mode: MatchMode): string {
  return words.map((w) => `"${w}"*`).join(mode === 'all' ? ' ' : ' OR ');
}

/** The tsquery text: each word a prefix (word:*), joined by & or |. Words hold only letters and digits. */
function postgresQuery(words: readonly string[], mode: MatchMode): string {
  return words.map((w) => `${w}:*`).join(mode === 'all' ? ' & ' : ' | ');
}

type Matches = SelectQueryBuilder<Database, FullTextTable, { rowid: number; score: number }>;

/**
 * Rows whose document matches a person's query, each with a `score` (higher is better: bm25 on SQLite,
 * ts_rank on PostgreSQL), as a subquery to join on or to filter with (`where seq in (select rowid …)`).
 * A query with no word left after sanitising matches nothing.
 */
export function matchingRows(db: Db, table: FullTextTable, query: string, mode: MatchMode = 'all'): Matches {
  return matchingWords(db, table, queryWords(query), mode);
}

/** {@link matchingRows} for words already chosen (and folded) by the caller, e.g. a ticket's significant words. */
export function matchingWords(db: Db, table: FullTextTable, words: readonly string[], mode: MatchMode): Matches {
  const t = table as 'kb_fts';
  const folded = [...new Set(words.flatMap((w) => wordsOf(w)))].slice(0, MAX_QUERY_WORDS);
  if (folded.length === 0) {
    return db
      .selectFrom(t)
      .select(['rowid', sql<number>`0`.as('score')])
      .where(sql<SqlBool>`1 = 0`) as unknown as Matches;
  }
  if (dialectOf(db) === 'postgres') {
    const tsquery = sql`to_tsquery('simple', ${postgresQuery(folded, mode)})`;
    return db
      .selectFrom(t)
      .select(['rowid', sql<number>`ts_rank(document, ${tsquery})`.as('score')])
      .where(sql<SqlBool>`document @@ ${tsquery}`) as unknown as Matches;
  }
  return db
    .selectFrom(t)
    .select(['rowid', sql<number>`-bm25(${sql.table(table)})`.as('score')])
    .where(sql<SqlBool>`${sql.table(table)} match ${sqliteMatch(folded, mode)}`) as unknown as Matches;
}

/** "This rowid column is among the matches of the query", for a `where`. */
export function matchesQuery(
  db: Db,
  table: FullTextTable,
  rowidColumn: Expression<number>,
  query: string,
): Expression<SqlBool> {
  const rows = matchingRows(db, table, query).clearSelect().select('rowid');
  return sql<SqlBool>`${rowidColumn} in (${rows})`;
}
