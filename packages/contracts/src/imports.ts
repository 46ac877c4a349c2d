import { z } from 'zod';

/** A dry run is the default so that nothing is written by accident; old Excel exports are windows-1252. */
export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8'),
});

export const ImportProblem = z.object({
  line: z.number().int().describe('line in the file, the header being line 1'),
  column: z.string().nullable(),
  message: z.string(),
});

/** A dry run lists every bad row; a real run imports all rows or none. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  problems: z.array(ImportProblem),
  imported: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;
