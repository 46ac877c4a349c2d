import {
  KbArticle,
  KbArticleInput,
  KbArticlePatch,
  KbArticleSummary,
  KbListQuery,
  KbSuggestions,
  KbSuggestQuery,
  page,
} from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

export function knowledgeRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['knowledge'];
    const articleId = idParam('articleId');
    app.get(
      '/api/v1/kb/articles',
      { schema: { tags, querystring: KbListQuery, response: { 200: page(KbArticleSummary), ...errorResponses } } },
      (request) => services.knowledge.list(ctxOf(request), request.query),
    );
    app.post(
      '/api/v1/kb/articles',
      { schema: { tags, body: KbArticleInput, response: { 201: KbArticle, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await services.knowledge.create(ctxOf(request), request.body)),
    );
    app.get(
      '/api/v1/kb/articles/:articleId',
      { schema: { tags, params: articleId, response: { 200: KbArticle, ...errorResponses } } },
      (request) => services.knowledge.get(ctxOf(request), request.params.articleId),
    );
    app.patch(
      '/api/v1/kb/articles/:articleId',
      { schema: { tags, params: articleId, body: KbArticlePatch, response: { 200: KbArticle, ...errorResponses } } },
      (request) => services.knowledge.update(ctxOf(request), request.params.articleId, request.body),
    );
    app.delete(
      '/api/v1/kb/articles/:articleId',
      { schema: { tags, params: articleId, response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.knowledge.remove(ctxOf(request), request.params.articleId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/v1/kb/suggestions',
      { schema: { tags, querystring: KbSuggestQuery, response: { 200: KbSuggestions, ...errorResponses } } },
      (request) => services.knowledge.suggestionsForText(ctxOf(request), request.query.clientId, request.query.text),
    );
    app.get(
      '/api/v1/tickets/:ticketId/kb-suggestions',
      { schema: { tags, params: idParam('ticketId'), response: { 200: KbSuggestions, ...errorResponses } } },
      (request) => services.knowledge.suggestionsFor(ctxOf(request), request.params.ticketId),
    );
  };
}
