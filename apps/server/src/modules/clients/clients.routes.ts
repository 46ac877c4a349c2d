import {
  Client,
  ClientInput,
  ClientListQuery,
  ClientPatch,
  Contact,
  ContactInput,
  ContactPatch,
  ListQuery,
  page,
  Site,
  SiteInput,
  SitePatch,
} from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

export function clientRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['clients'];
    const clientId = idParam('clientId');

    app.get(
      '/api/v1/clients',
      { schema: { tags, querystring: ClientListQuery, response: { 200: page(Client), ...errorResponses } } },
      (request) => services.clients.list(ctxOf(request), request.query),
    );
    app.post(
      '/api/v1/clients',
      { schema: { tags, body: ClientInput, response: { 201: Client, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await services.clients.create(ctxOf(request), request.body)),
    );
    app.get(
      '/api/v1/clients/:clientId',
      { schema: { tags, params: clientId, response: { 200: Client, ...errorResponses } } },
      (request) => services.clients.get(ctxOf(request), request.params.clientId),
    );
    app.patch(
      '/api/v1/clients/:clientId',
      { schema: { tags, params: clientId, body: ClientPatch, response: { 200: Client, ...errorResponses } } },
      (request) => services.clients.update(ctxOf(request), request.params.clientId, request.body),
    );
    app.delete(
      '/api/v1/clients/:clientId',
      { schema: { tags, params: clientId, response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.clients.remove(ctxOf(request), request.params.clientId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/clients/:clientId/sites',
      { schema: { tags, params: clientId, querystring: ListQuery, response: { 200: page(Site), ...errorResponses } } },
      (request) => services.sites.list(ctxOf(request), request.params.clientId, request.query),
    );
    app.post(
      '/api/v1/clients/:clientId/sites',
      { schema: { tags, params: clientId, body: SiteInput, response: { 201: Site, ...errorResponses } } },
      async (request, reply) =>
        reply.status(201).send(await services.sites.create(ctxOf(request), request.params.clientId, request.body)),
    );
    const siteId = idParam('siteId');
    app.get(
      '/api/v1/sites/:siteId',
      { schema: { tags, params: siteId, response: { 200: Site, ...errorResponses } } },
      (request) => services.sites.get(ctxOf(request), request.params.siteId),
    );
    app.patch(
      '/api/v1/sites/:siteId',
      { schema: { tags, params: siteId, body: SitePatch, response: { 200: Site, ...errorResponses } } },
      (request) => services.sites.update(ctxOf(request), request.params.siteId, request.body),
    );
    app.delete(
      '/api/v1/sites/:siteId',
      { schema: { tags, params: siteId, response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.sites.remove(ctxOf(request), request.params.siteId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/clients/:clientId/contacts',
      {
        schema: { tags, params: clientId, querystring: ListQuery, response: { 200: page(Contact), ...errorResponses } },
      },
      (request) => services.contacts.list(ctxOf(request), request.params.clientId, request.query),
    );
    app.post(
      '/api/v1/clients/:clientId/contacts',
      { schema: { tags, params: clientId, body: ContactInput, response: { 201: Contact, ...errorResponses } } },
      async (request, reply) =>
        reply.status(201).send(await services.contacts.create(ctxOf(request), request.params.clientId, request.body)),
    );
    const contactId = idParam('contactId');
    app.get(
      '/api/v1/contacts/:contactId',
      { schema: { tags, params: contactId, response: { 200: Contact, ...errorResponses } } },
      (request) => services.contacts.get(ctxOf(request), request.params.contactId),
    );
    app.patch(
      '/api/v1/contacts/:contactId',
      { schema: { tags, params: contactId, body: ContactPatch, response: { 200: Contact, ...errorResponses } } },
      (request) => services.contacts.update(ctxOf(request), request.params.contactId, request.body),
    );
    app.delete(
      '/api/v1/contacts/:contactId',
      { schema: { tags, params: contactId, response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.contacts.remove(ctxOf(request), request.params.contactId);
        return reply.status(204).send(null);
      },
    );
  };
}
