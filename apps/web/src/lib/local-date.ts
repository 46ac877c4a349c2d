/** A date as `YYYY-MM-DD` in the browser's zone (what a date input holds). */
export function localDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A `datetime-local` value (`YYYY-MM-DDTHH:mm`, browser's zone) as an ISO instant; null when incomplete. */
export function localDateTimeToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Tomorrow at 09:00 in the browser's zone, as a `datetime-local` value: a sensible first guess for a visit. */
export function tomorrowMorning(now: Date = new Date()): string {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  return `${localDate(next)}T09:00`;
}
