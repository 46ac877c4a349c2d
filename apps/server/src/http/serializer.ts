import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

/**
 * Writes responses with fast-json-stringify, compiled once per route from the zod response schema's JSON Schema.
 * Like a zod parse, it writes only the declared properties (a column added to a row by mistake never leaks), but
 * without building a second copy of every object: on a 50-row list this is most of the serialization cost.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) => {
  try {
    const jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' });
    return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
  } catch {
    return (data) => JSON.stringify(data);
  }
};
