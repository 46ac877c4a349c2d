import type { TFunction } from 'i18next';

/**
 * A span of minutes as a person reads it: "35 min", "2 h 15 min", "3 d 4 h" (days from 24 hours on). Business time
 * (budgets, a paused clock's remainder) passes `days: false`: 24 business hours are three working days, not one.
 */
export function formatDuration(t: TFunction, totalMinutes: number, { days = true }: { days?: boolean } = {}): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  if (minutes < 60) return t('duration.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24 || !days) {
    const rest = minutes % 60;
    return rest === 0 ? t('duration.hours', { h: hours }) : t('duration.hoursMinutes', { h: hours, m: rest });
  }
  return t('duration.daysHours', { d: Math.floor(hours / 24), h: hours % 24 });
}
