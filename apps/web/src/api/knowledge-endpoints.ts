import { api, withQuery } from './http';
import type { Page } from './types';
import type { KbArticle, KbArticleInput, KbArticlePatch, KbArticleSummary } from './work-types';

type Query = Record<string, string | number | boolean | null | undefined>;

/** The knowledge base: articles per client or provider-wide, and suggestions for a ticket. */
export const kbApi = {
  list: (query: Query) => api<Page<KbArticleSummary>>(withQuery('/kb/articles', query)),
  get: (id: string) => api<KbArticle>(`/kb/articles/${id}`),
  create: (input: KbArticleInput) => api<KbArticle>('/kb/articles', { method: 'POST', body: input }),
  update: (id: string, patch: KbArticlePatch) => api<KbArticle>(`/kb/articles/${id}`, { method: 'PATCH', body: patch }),
  remove: (id: string) => api<void>(`/kb/articles/${id}`, { method: 'DELETE' }),
  suggestionsFor: (ticketId: string) => api<{ items: KbArticleSummary[] }>(`/tickets/${ticketId}/kb-suggestions`),
};
