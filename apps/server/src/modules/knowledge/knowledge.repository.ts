import type { KbArticle } from '@vigie/contracts';
import { ticketReference } from '@vigie/domain';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { matchingRows, matchingWords } from '../../db/full-text.js';
import { decodeCursor, encodeCursor, instantAfter, nonEmpty, toPage } from '../../db/pagination.js';
import type { Database, KbArticleRow } from '../../db/schema.js';
import type { ArticleScope } from './knowledge.policy.js';

/** An article with the number and client of the ticket it came from. */
export type ArticleRecord = KbArticleRow & {
  source_ticket_number: number | null;
  source_ticket_client_id: string | null;
};
/** A list row: the body is replaced by its beginning, enough for an excerpt. */
export type ArticleSummaryRecord = Omit<ArticleRecord, 'body'> & { body_start: string };

const EXCERPT_LENGTH = 200;

/** Fields every presentation shares; `showSource` hides the ticket an article came from from some viewers. */
function presentCommon(row: Omit<ArticleRecord, 'body'>, showSource: (ticketClientId: string | null) => boolean) {
  const source =
    row.source_ticket_id !== null && row.source_ticket_number !== null && showSource(row.source_ticket_client_id)
      ? { id: row.source_ticket_id, reference: ticketReference(row.source_ticket_number) }
      : null;
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    visibility: row.visibility as KbArticle['visibility'],
    tags: fromJson<string[]>(row.tags),
    sourceTicket: source,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentArticle(row: ArticleRecord, showSource: (ticketClientId: string | null) => boolean): KbArticle {
  return { ...presentCommon(row, showSource), body: row.body };
}

export function presentSummary(row: ArticleSummaryRecord, showSource: (ticketClientId: string | null) => boolean) {
  return { ...presentCommon(row, showSource), excerpt: excerptOf(row.body_start) };
}

/** The first words of a body on one line, cut at a word boundary. */
export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

function selectArticles(db: Db) {
  return db
    .selectFrom('kb_articles')
    .leftJoin('tickets', 'tickets.id', 'kb_articles.source_ticket_id')
    .select(['tickets.number as source_ticket_number', 'tickets.client_id as source_ticket_client_id']);
}

function selectSummaries(db: Db) {
  return selectArticles(db).select([
    'kb_articles.id',
    'kb_articles.seq',
    'kb_articles.client_id',
    'kb_articles.title',
    'kb_articles.visibility',
    'kb_articles.tags',
    'kb_articles.source_ticket_id',
    'kb_articles.author_id',
    'kb_articles.author_name',
    'kb_articles.created_at',
    'kb_articles.updated_at',
    sql<string>`substr(kb_articles.body, 1, ${EXCERPT_LENGTH * 2})`.as('body_start'),
  ]);
}

type ArticleEb = ExpressionBuilder<Database, 'kb_articles'>;

/**
 * What a scope may read among kb_articles; with `clientIds`, only articles of those clients, and provider-wide
 * ones too when `withProviderWide`.
 */
function visibleIn(
  eb: ArticleEb,
  scope: ArticleScope,
  filter: { clientIds: readonly string[]; withProviderWide: boolean } | null,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (scope.clientIds !== 'all') {
    const ids = nonEmpty(scope.clientIds);
    conditions.push(eb.or([eb('kb_articles.client_id', 'is', null), eb('kb_articles.client_id', 'in', ids)]));
  }
  if (scope.publicOnly) conditions.push(eb('kb_articles.visibility', '=', 'public'));
  if (filter) {
    const ofClients = eb('kb_articles.client_id', 'in', nonEmpty(filter.clientIds));
    conditions.push(filter.withProviderWide ? eb.or([eb('kb_articles.client_id', 'is', null), ofClients]) : ofClients);
  }
  return eb.and(conditions);
}

export async function findArticle(db: Db, id: string): Promise<ArticleRecord | undefined> {
  return selectArticles(db).selectAll('kb_articles').where('kb_articles.id', '=', id).executeTakeFirst();
}

export async function insertArticle(db: Db, row: KbArticleRow): Promise<void> {
  await db
    .insertInto('kb_articles')
    .values({ ...row, tags: toJson(row.tags) })
    .execute();
}

export async function updateArticle(db: Db, row: KbArticleRow): Promise<void> {
  const { id, seq, created_at, client_id, source_ticket_id, author_id, author_name, ...changes } = row;
  await db
    .updateTable('kb_articles')
    .set({ ...changes, tags: toJson(changes.tags) })
    .where('id', '=', id)
    .execute();
}

export async function deleteArticle(db: Db, id: string): Promise<void> {
  await db.deleteFrom('kb_articles').where('id', '=', id).execute();
}

interface ListOptions {
  cursor?: string | undefined;
  limit: number;
  q?: string | undefined;
  clientId?: string | undefined;
}

/**
 * Newest change first, keyset-paginated on (updated_at, id); with a search text, best match first instead,
 * paginated by position (a ranking has no stable key to resume from).
 */
export async function listArticles(db: Db, scope: ArticleScope, options: ListOptions) {
  const only = options.clientId ? { clientIds: [options.clientId], withProviderWide: false } : null;
  if (options.q !== undefined && options.q !== '') return searchArticles(db, scope, only, options);
  const cursor = decodeCursor(options.cursor);
  let q = selectSummaries(db)
    .where((eb) => visibleIn(eb as unknown as ArticleEb, scope, only))
    .orderBy('kb_articles.updated_at', 'desc')
    .orderBy('kb_articles.id', 'desc')
    .limit(options.limit + 1);
  if (cursor) {
    const after = instantAfter(cursor);
    q = q.where((eb) => eb(eb.refTuple('kb_articles.updated_at', 'kb_articles.id'), '<', eb.tuple(after, cursor.id)));
  }
  const rows = await q.execute();
  return toPage(
    rows,
    options.limit,
    (r) => r,
    (r) => ({ after: r.updated_at, id: r.id }),
  );
}

const RANK_CURSOR = 'rank';

async function searchArticles(
  db: Db,
  scope: ArticleScope,
  only: Parameters<typeof visibleIn>[2],
  options: ListOptions,
) {
  const cursor = decodeCursor(options.cursor);
  if (cursor && (cursor.id !== RANK_CURSOR || typeof cursor.after !== 'number' || cursor.after < 0)) {
    throw new AppError(400, 'invalid_cursor', 'cursor does not belong to this search');
  }
  const offset = cursor ? Number(cursor.after) : 0;
  const matches = matchingRows(db, 'kb_fts', options.q ?? '', 'all').as('m');
  const rows = await selectSummaries(db)
    .innerJoin(matches, 'm.rowid', 'kb_articles.seq')
    .where((eb) => visibleIn(eb as unknown as ArticleEb, scope, only))
    .orderBy('m.score', 'desc')
    .orderBy('kb_articles.id', 'desc')
    .limit(options.limit + 1)
    .offset(offset)
    .execute();
  const hasMore = rows.length > options.limit;
  return {
    items: rows.slice(0, options.limit),
    nextCursor: hasMore ? encodeCursor({ after: offset + options.limit, id: RANK_CURSOR }) : null,
  };
}

/** Articles sharing most words with a text (any word counts), among those of a client or provider-wide. */
export async function suggestArticles(
  db: Db,
  scope: ArticleScope,
  clientId: string,
  words: readonly string[],
  limit: number,
): Promise<ArticleSummaryRecord[]> {
  const matches = matchingWords(db, 'kb_fts', words, 'any').as('m');
  const only = { clientIds: [clientId], withProviderWide: true };
  return selectSummaries(db)
    .innerJoin(matches, 'm.rowid', 'kb_articles.seq')
    .where((eb) => visibleIn(eb as unknown as ArticleEb, scope, only))
    .orderBy('m.score', 'desc')
    .orderBy('kb_articles.updated_at', 'desc')
    .limit(limit)
    .execute();
}
