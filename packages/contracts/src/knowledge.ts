import { z } from 'zod';
import { Id, IsoInstant, ListQuery, patchOf } from './common.js';

export const ArticleVisibility = z.enum(['public', 'internal']);

export const KbArticle = z.object({
  id: Id,
  /** null: for every client of the provider. */
  clientId: Id.nullable(),
  title: z.string(),
  body: z.string(),
  visibility: ArticleVisibility,
  tags: z.array(z.string()),
  sourceTicket: z.object({ id: Id, reference: z.string() }).nullable(),
  author: z.object({ id: Id.nullable(), name: z.string() }),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type KbArticle = z.infer<typeof KbArticle>;
export const KbArticleSummary = KbArticle.omit({ body: true }).extend({ excerpt: z.string() });
export type KbArticleSummary = z.infer<typeof KbArticleSummary>;

export const KbArticleInput = z.object({
  clientId: Id.nullable().default(null),
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(1).max(100_000),
  visibility: ArticleVisibility.default('internal'),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export const KbArticlePatch = patchOf(KbArticleInput.omit({ clientId: true }));
/** With `q`, results come best match first (every word must appear, each as a word prefix, accents ignored). */
export const KbListQuery = ListQuery.extend({ clientId: Id.optional() });
export type KbListQuery = z.infer<typeof KbListQuery>;
/** Text being typed for a new ticket (title and description): articles sharing any significant word with it. */
export const KbSuggestQuery = z.object({ clientId: Id, text: z.string().max(2000).default('') });
/** Articles that may help with a ticket, best match first (at most 5). */
export const KbSuggestions = z.object({ items: z.array(KbArticleSummary) });
