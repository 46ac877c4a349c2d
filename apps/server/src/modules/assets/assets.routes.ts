import {
  Asset,
  AssetImpact,
  AssetInput,
  AssetListQuery,
  AssetPatch,
  AssetRelation,
  AssetRelationInput,
  ListQuery,
  page,
  Vendor,
  VendorInput,
  VendorPatch,
} from '@vigie/contracts';
import { ASSET_TYPES, ATTRIBUTES_BY_TYPE, assetCategory } from '@vigie/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam, NoContent } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';

const AssetTypes = z.object({
  types: z.array(
    z.object({
      type: z.string(),
      category: z.enum(['physical', 'logical']),
      attributes: z.array(z.object({ key: z.string(), kind: z.string() })),
    }),
  ),
});
const assetTypes = {
  types: ASSET_TYPES.map((type) => ({ type, category: assetCategory(type), attributes: ATTRIBUTES_BY_TYPE[type] })),
};

export function assetRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['assets'];
    const assetId = idParam('assetId');

    app.get(
      '/api/v1/asset-types',
      { schema: { tags, response: { 200: AssetTypes, ...errorResponses } } },
      (request) => {
        ctxOf(request);
        return assetTypes;
      },
    );
    app.get(
      '/api/v1/assets',
      { schema: { tags, querystring: AssetListQuery, response: { 200: page(Asset), ...errorResponses } } },
      (request) => services.assets.list(ctxOf(request), request.query),
    );
    app.post(
      '/api/v1/assets',
      { schema: { tags, body: AssetInput, response: { 201: Asset, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await services.assets.create(ctxOf(request), request.body)),
    );
    app.get(
      '/api/v1/assets/:assetId',
      { schema: { tags, params: assetId, response: { 200: Asset, ...errorResponses } } },
      (request) => services.assets.get(ctxOf(request), request.params.assetId),
    );
    app.patch(
      '/api/v1/assets/:assetId',
      { schema: { tags, params: assetId, body: AssetPatch, response: { 200: Asset, ...errorResponses } } },
      (request) => services.assets.update(ctxOf(request), request.params.assetId, request.body),
    );
    app.delete(
      '/api/v1/assets/:assetId',
      { schema: { tags, params: assetId, response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.assets.remove(ctxOf(request), request.params.assetId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/assets/:assetId/relations',
      {
        schema: {
          tags,
          params: assetId,
          response: { 200: z.object({ items: z.array(AssetRelation) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await services.relations.ofAsset(ctxOf(request), request.params.assetId) }),
    );
    app.get(
      '/api/v1/assets/:assetId/impact',
      { schema: { tags, params: assetId, response: { 200: AssetImpact, ...errorResponses } } },
      (request) => services.relations.impact(ctxOf(request), request.params.assetId),
    );
    app.post(
      '/api/v1/asset-relations',
      { schema: { tags, body: AssetRelationInput, response: { 201: AssetRelation, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await services.relations.create(ctxOf(request), request.body)),
    );
    app.delete(
      '/api/v1/asset-relations/:relationId',
      { schema: { tags, params: idParam('relationId'), response: { 204: NoContent, ...errorResponses } } },
      async (request, reply) => {
        await services.relations.remove(ctxOf(request), request.params.relationId);
        return reply.status(204).send(null);
      },
    );

    const vendorId = idParam('vendorId');
    app.get(
      '/api/v1/vendors',
      { schema: { tags, querystring: ListQuery, response: { 200: page(Vendor), ...errorResponses } } },
      (request) => services.vendors.list(ctxOf(request), request.query),
    );
    app.post(
      '/api/v1/vendors',
      { schema: { tags, body: VendorInput, response: { 201: Vendor, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await services.vendors.create(ctxOf(request), request.body)),
    );
    app.get(
      '/api/v1/vendors/:vendorId',
      { schema: { tags, params: vendorId, response: { 200: Vendor, ...errorResponses } } },
      (request) => services.vendors.get(ctxOf(request), request.params.vendorId),
    );
    app.patch(
      '/api/v1/vendors/:vendorId',
      { schema: { tags, params: vendorId, body: VendorPatch, response: { 200: Vendor, ...errorResponses } } },
      (request) => services.vendors.update(ctxOf(request), request.params.vendorId, request.body),
    );
  };
}
