import {
  type KbArticle,
  KbArticleInput,
  type KbArticlePatch,
  type KbArticleSummary,
  type KbListQuery,
} from '@vigie/contracts';
import type { z } from 'zod';
import { type Ctx, clientScopeOf, inScope, isStaff } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { stripUndefined } from '../../core/patch.js';
import type { Db } from '../../db/connection.js';
import { nextCounterValue } from '../../db/counters.js';
import { fromJson } from '../../db/dialect.js';
import { indexDocument, removeDocument } from '../../db/full-text.js';
import type { KbArticleRow, TicketRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ClientDirectory } from '../clients/client-directory.js';
import {
  articleScopeOf,
  assertCanDeleteArticle,
  assertCanReadArticle,
  assertCanWriteArticle,
  seesSourceTicket,
} from './knowledge.policy.js';
import {
  type ArticleRecord,
  deleteArticle,
  findArticle,
  insertArticle,
  listArticles,
  presentArticle,
  presentSummary,
  suggestArticles,
  updateArticle,
} from './knowledge.repository.js';
import { significantWords } from './significant-words.js';

/** What the knowledge base asks of the tickets module. */
export interface TicketReader {
  /** The ticket, or 404 when the actor may not read it. */
  readable(ctx: Ctx, ticketId: string): Promise<TicketRow>;
}

type ArticleValues = z.output<typeof KbArticleInput>;

const COUNTER = 'kb_article';
const SUGGESTIONS = 5;
const MIN_TITLE = 3;
const MAX_TITLE = 200;
const MAX_BODY = 100_000;

/** The knowledge base: solutions worth reuse, searchable by technicians and (the public ones) by clients. */
export class KnowledgeService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly clients: ClientDirectory,
    private readonly tickets: TicketReader,
  ) {}

  async list(ctx: Ctx, query: KbListQuery) {
    const page = await listArticles(this.db, articleScopeOf(ctx.actor), query);
    return { ...page, items: page.items.map((row) => presentSummary(row, this.sourceShownTo(ctx))) };
  }

  async get(ctx: Ctx, id: string): Promise<KbArticle> {
    const row = await findArticle(this.db, id);
    assertCanReadArticle(ctx.actor, row);
    return presentArticle(row as ArticleRecord, this.sourceShownTo(ctx));
  }

  async create(ctx: Ctx, input: ArticleValues): Promise<KbArticle> {
    assertCanWriteArticle(ctx.actor, input.clientId);
    if (input.clientId !== null && !(await this.clients.exists(input.clientId))) throw notFound('Client');
    const id = await this.db.transaction().execute((trx) => this.insert(trx, ctx, input, null));
    return this.get(ctx, id);
  }

  async update(ctx: Ctx, id: string, patch: z.output<typeof KbArticlePatch>): Promise<KbArticle> {
    const current = await findArticle(this.db, id);
    assertCanReadArticle(ctx.actor, current);
    const found = current as ArticleRecord;
    assertCanWriteArticle(ctx.actor, found.client_id);
    const merged = KbArticleInput.parse({ ...valuesOf(found), ...stripUndefined(patch), clientId: found.client_id });
    const row: KbArticleRow = {
      ...withoutJoins(found),
      title: merged.title,
      body: merged.body,
      visibility: merged.visibility,
      tags: distinctTags(merged.tags),
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await updateArticle(trx, row);
      await indexDocument(trx, 'kb_fts', row.seq, documentText(row));
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'kb_article',
        objectId: id,
        clientId: auditClientOf(found, row),
        before: auditView(found),
        after: auditView(row),
      });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    const current = await findArticle(this.db, id);
    assertCanReadArticle(ctx.actor, current);
    const found = current as ArticleRecord;
    assertCanWriteArticle(ctx.actor, found.client_id);
    assertCanDeleteArticle(ctx.actor);
    await this.db.transaction().execute(async (trx) => {
      await deleteArticle(trx, id);
      await removeDocument(trx, 'kb_fts', found.seq);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'kb_article',
        objectId: id,
        clientId: auditClientOf(found, found),
        before: auditView(found),
      });
    });
  }

  /** Up to five articles sharing the most significant words with the ticket's title and description. */
  async suggestionsFor(ctx: Ctx, ticketId: string): Promise<{ items: KbArticleSummary[] }> {
    const ticket = await this.tickets.readable(ctx, ticketId);
    const words = significantWords(`${ticket.title}\n${ticket.description}`);
    if (words.length === 0) return { items: [] };
    const rows = await suggestArticles(this.db, articleScopeOf(ctx.actor), ticket.client_id, words, SUGGESTIONS);
    return { items: rows.map((row) => presentSummary(row, this.sourceShownTo(ctx))) };
  }

  /**
   * Up to five articles for a ticket being written (the portal suggests them as the person types), among those the
   * caller may read of that client and the provider-wide ones; a client out of reach reads as not found.
   */
  async suggestionsForText(ctx: Ctx, clientId: string, text: string): Promise<{ items: KbArticleSummary[] }> {
    if (!inScope(clientScopeOf(ctx.actor), clientId)) throw notFound('Client');
    const words = significantWords(text);
    if (words.length === 0) return { items: [] };
    const rows = await suggestArticles(this.db, articleScopeOf(ctx.actor), clientId, words, SUGGESTIONS);
    return { items: rows.map((row) => presentSummary(row, this.sourceShownTo(ctx))) };
  }

  /**
   * A ticket's solution published as a provider-wide article, in the caller's transaction (the resolution's), so
   * that both are kept or neither. The caller has already checked that the actor works the ticket.
   */
  async publishFromTicket(
    trx: Db,
    ctx: Ctx,
    ticket: { id: string; client_id: string; title: string },
    input: { title: string; body: string; visibility: 'public' | 'internal' },
  ): Promise<{ id: string }> {
    if (!isStaff(ctx.actor)) throw forbidden('Only provider staff publish knowledge-base articles');
    const given = input.title.trim() || ticket.title.trim();
    // Articles need three characters of title (a ticket may have fewer): a later edit must not fail on it.
    const title = (given.length >= MIN_TITLE ? given : `Solution: ${given}`).slice(0, MAX_TITLE);
    const body = input.body.trim().slice(0, MAX_BODY);
    const values = { clientId: null, title, body, visibility: input.visibility, tags: [] };
    return { id: await this.insert(trx, ctx, values, ticket.id) };
  }

  private async insert(trx: Db, ctx: Ctx, values: ArticleValues, sourceTicketId: string | null): Promise<string> {
    const now = this.clock.now().toISOString();
    const row: KbArticleRow = {
      id: newId(),
      seq: await nextCounterValue(trx, COUNTER),
      client_id: values.clientId,
      title: values.title,
      body: values.body,
      visibility: values.visibility,
      tags: distinctTags(values.tags),
      source_ticket_id: sourceTicketId,
      author_id: ctx.actor.userId,
      author_name: ctx.actor.name,
      created_at: now,
      updated_at: now,
    };
    await insertArticle(trx, row);
    await indexDocument(trx, 'kb_fts', row.seq, documentText(row));
    await this.audit.record(trx, ctx, {
      action: 'create',
      objectType: 'kb_article',
      objectId: row.id,
      clientId: auditClientOf(row, row),
      after: auditView(row),
    });
    return row.id;
  }

  private sourceShownTo(ctx: Ctx) {
    return (ticketClientId: string | null) => seesSourceTicket(ctx.actor, ticketClientId);
  }
}

function valuesOf(row: KbArticleRow) {
  return { title: row.title, body: row.body, visibility: row.visibility, tags: fromJson<string[]>(row.tags) };
}

function withoutJoins(record: ArticleRecord): KbArticleRow {
  const { source_ticket_number: _number, source_ticket_client_id: _client, ...row } = record;
  return row;
}

/** Tags once each, whatever their case (the first spelling wins). */
function distinctTags(tags: unknown): string[] {
  const list = fromJson<string[]>(tags);
  const seen = new Set<string>();
  return list.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The title counts twice, so that an article about the words searched ranks above one merely mentioning them. */
function documentText(row: KbArticleRow): string {
  return [row.title, row.title, distinctTags(row.tags).join(' '), row.body].join('\n');
}

function auditView(row: KbArticleRow) {
  return {
    clientId: row.client_id,
    title: row.title,
    visibility: row.visibility,
    tags: distinctTags(row.tags),
    body: row.body,
    sourceTicketId: row.source_ticket_id,
  };
}

/**
 * The client whose audit trail shows the change: an internal article is provider-only, so while it is (or was)
 * internal its history stays off the client's trail, where client managers would read it.
 */
function auditClientOf(before: KbArticleRow, after: KbArticleRow): string | null {
  return before.visibility === 'public' && after.visibility === 'public' ? after.client_id : null;
}
