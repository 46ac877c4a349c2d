import { currentLanguage } from '../i18n';

/** An instant as people of the chosen language write it (28/11/2026 20:24 in French), in the browser's zone. */
export function formatInstant(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}
