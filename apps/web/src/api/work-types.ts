import type {
  InterventionInput as InterventionInputSchema,
  InterventionReportInput as InterventionReportInputSchema,
  KbArticleInput as KbArticleInputSchema,
  KbArticlePatch as KbArticlePatchSchema,
  TimeEntryInput as TimeEntryInputSchema,
} from '@vigie/contracts';
import type { z } from 'zod';

export type { HourBankUsage, Intervention, KbArticle, KbArticleSummary, TimeEntry } from '@vigie/contracts';

// Work and knowledge requests as sent (z.input: defaults may be left out).
export type TimeEntryInput = z.input<typeof TimeEntryInputSchema>;
export type InterventionInput = z.input<typeof InterventionInputSchema>;
export type InterventionReportInput = z.input<typeof InterventionReportInputSchema>;
export type KbArticleInput = z.input<typeof KbArticleInputSchema>;
export type KbArticlePatch = z.input<typeof KbArticlePatchSchema>;
