import type { TFunction } from 'i18next';

/** A span of minutes as a person reads it: "35 min", "2 h 15 min", "3 d 4 h" (days past 48 hours). */
export function formatDuration(t: TFunction, totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  if (minutes < 60) return t('duration.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? t('duration.hours', { h: hours }) : t('duration.hoursMinutes', { h: hours, m: rest });
  }
  return t('duration.daysHours', { d: Math.floor(hours / 24), h: hours % 24 });
}
