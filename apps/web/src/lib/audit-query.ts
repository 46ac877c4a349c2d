/** Start of a local day as an ISO instant (the audit `from` filter). */
export function startOfDay(date: string): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** End of a local day as an ISO instant (the audit `to` filter). */
export function endOfDay(date: string): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date}T23:59:59.999`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Object types recorded in the audit trail, for the filter. */
export const AUDIT_OBJECT_TYPES = [
  'client',
  'site',
  'contact',
  'contract',
  'vendor',
  'asset',
  'asset_relation',
  'user',
  'team',
  'api_token',
  'session',
] as const;
