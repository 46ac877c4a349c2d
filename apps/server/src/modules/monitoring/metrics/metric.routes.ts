import { MetricQuery, MetricSeriesView } from '@vigie/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../http/request-context.js';
import { errorResponses, idParam } from '../../../http/route-helpers.js';
import type { Services } from '../../../http/services.js';

const MetricSeriesList = z.object({ series: z.array(MetricSeriesView) });
const MetricNameList = z.object({ names: z.array(z.object({ name: z.string(), unit: z.string().nullable() })) });

/** Charts' data: an asset's metric series over a period, and which series it has. */
export function metricRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['monitoring'];
    const params = idParam('assetId');

    app.get(
      '/api/v1/monitoring/assets/:assetId/metrics',
      { schema: { tags, params, querystring: MetricQuery, response: { 200: MetricSeriesList, ...errorResponses } } },
      async (request) => {
        const { names, from, to } = request.query;
        const series = await services.monitoring.metrics.series(
          ctxOf(request),
          request.params.assetId,
          names.split(','),
          from === undefined ? undefined : new Date(from),
          to === undefined ? undefined : new Date(to),
        );
        return { series };
      },
    );
    app.get(
      '/api/v1/monitoring/assets/:assetId/metric-names',
      { schema: { tags, params, response: { 200: MetricNameList, ...errorResponses } } },
      async (request) => ({
        names: await services.monitoring.metrics.seriesNames(ctxOf(request), request.params.assetId),
      }),
    );
  };
}
