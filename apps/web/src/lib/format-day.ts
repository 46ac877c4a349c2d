import { currentLanguage } from '../i18n';

/** A calendar date (`YYYY-MM-DD`, no zone) as people of the chosen language write it: 28/11/2026. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeZone: 'UTC',
  });
}
