import { ErrorBody } from '@vigie/contracts';
import { z } from 'zod';

/** Error answers every API route may give, so the OpenAPI document lists them. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
} as const;

export const NoContent = z.null().describe('No content');

export const idParam = <K extends string>(key: K) => z.object({ [key]: z.uuid() } as { [P in K]: z.ZodUUID });
