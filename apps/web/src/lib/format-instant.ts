import { currentLanguage } from '../i18n';

/** An instant as people of the chosen language write it (28/11/2026 20:24 in French), in the browser's zone. */
export function formatInstant(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

/** An instant in a given IANA zone, e.g. "Mon 2 Mar 09:30" (SLA deadlines are shown in the contract's zone). */
export function formatInZone(iso: string, timeZone: string): string {
  const locale = currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB';
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  };
  try {
    return new Date(iso).toLocaleString(locale, { ...options, timeZone });
  } catch {
    // an unknown zone: the browser's, still labelled with the zone asked for by the caller
    return new Date(iso).toLocaleString(locale, options);
  }
}
