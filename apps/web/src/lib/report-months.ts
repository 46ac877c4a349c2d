/** Months offered by the SLA report's picker, written YYYY-MM as the API wants them. */

/** The month `back` months before the one holding `now` (local time of the browser). */
export function monthBack(back: number, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** "Octobre 2026" / "October 2026": the month's name as the language writes it, capitalised for a list. */
export function monthLabel(month: string, language: 'fr' | 'en'): string {
  const [year, m] = month.split('-').map(Number);
  const text = new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1)).toLocaleDateString(
    language === 'fr' ? 'fr-FR' : 'en-GB',
    { month: 'long', year: 'numeric', timeZone: 'UTC' },
  );
  return text.charAt(0).toUpperCase() + text.slice(1);
}
