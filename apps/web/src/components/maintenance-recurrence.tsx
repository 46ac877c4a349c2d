import { Chip, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type RecurrencePreset = 'none' | 'daily' | 'weekly' | 'monthly' | 'custom';

export interface Recurrence {
  preset: RecurrencePreset;
  weekdays: Weekday[];
  monthDay: number;
  /** The free RRULE of the "expert" choice. */
  custom: string;
}

/** The RRULE a recurrence produces (RFC 5545, without DTSTART: the window's start is it); undefined for none. */
export function rruleOf(r: Recurrence): string | undefined {
  switch (r.preset) {
    case 'none':
      return undefined;
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => r.weekdays.includes(d));
      return days.length > 0 ? `FREQ=WEEKLY;BYDAY=${days.join(',')}` : 'FREQ=WEEKLY';
    }
    case 'monthly':
      return `FREQ=MONTHLY;BYMONTHDAY=${r.monthDay}`;
    case 'custom':
      return r.custom.trim() === '' ? undefined : r.custom.trim();
  }
}

/** Reads a stored RRULE back into the preset that produced it, or the expert field when it is anything else. */
export function recurrenceOf(rrule: string | null | undefined, start: Date): Recurrence {
  const base: Recurrence = {
    preset: 'none',
    weekdays: [WEEKDAYS[(start.getDay() + 6) % 7] as Weekday],
    monthDay: start.getDate(),
    custom: '',
  };
  if (!rrule) return base;
  const text = rrule.replace(/^RRULE:/i, '').toUpperCase();
  if (text === 'FREQ=DAILY') return { ...base, preset: 'daily' };
  const weekly = /^FREQ=WEEKLY(?:;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*))?$/.exec(text);
  if (weekly) {
    return { ...base, preset: 'weekly', weekdays: weekly[1] ? (weekly[1].split(',') as Weekday[]) : base.weekdays };
  }
  const monthly = /^FREQ=MONTHLY;BYMONTHDAY=(\d{1,2})$/.exec(text);
  if (monthly) return { ...base, preset: 'monthly', monthDay: Number(monthly[1]) };
  return { ...base, preset: 'custom', custom: rrule };
}

/** A recurrence as a sentence: "Every week on Mon, Wed", or the RRULE itself when no preset says it. */
export function describeRrule(t: TFunction, rrule: string | null): string {
  if (!rrule) return t('monitoringSetup.maintenance.oneOff');
  const r = recurrenceOf(rrule, new Date());
  switch (r.preset) {
    case 'daily':
      return t('monitoringSetup.maintenance.everyDay');
    case 'weekly':
      return t('monitoringSetup.maintenance.everyWeek', {
        days: r.weekdays.map((d) => t(`monitoringSetup.weekdays.${d}`)).join(', '),
      });
    case 'monthly':
      return t('monitoringSetup.maintenance.everyMonth', { day: r.monthDay });
    default:
      return rrule;
  }
}

/** Recurrence presets (none, daily, weekly on chosen days, monthly on day N) and a free RRULE for experts. */
export function RecurrenceFields({
  value,
  onChange,
  error,
}: {
  value: Recurrence;
  onChange: (value: Recurrence) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const m = (key: string) => t(`monitoringSetup.maintenance.${key}` as 'monitoringSetup.maintenance.recurrence');
  const presets: RecurrencePreset[] = ['none', 'daily', 'weekly', 'monthly', 'custom'];
  const rrule = rruleOf(value);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="recurrence-label">
        {m('recurrence')}
      </Text>
      <SegmentedControl
        aria-labelledby="recurrence-label"
        data={presets.map((p) => ({ value: p, label: t(`monitoringSetup.maintenance.presets.${p}`) }))}
        value={value.preset}
        onChange={(preset) =>
          onChange({
            ...value,
            preset: preset as RecurrencePreset,
            custom: preset === 'custom' && value.custom === '' ? (rruleOf(value) ?? 'FREQ=WEEKLY') : value.custom,
          })
        }
        fullWidth
      />
      {value.preset === 'weekly' && (
        <Chip.Group
          multiple
          value={value.weekdays}
          onChange={(days) => onChange({ ...value, weekdays: days as Weekday[] })}
        >
          <Group gap={6} role="group" aria-label={m('weekdaysLabel')}>
            {WEEKDAYS.map((d) => (
              <Chip key={d} value={d} size="sm">
                {t(`monitoringSetup.weekdays.${d}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      {value.preset === 'monthly' && (
        <NumberInput
          label={m('monthDay')}
          min={1}
          max={31}
          allowDecimal={false}
          w={160}
          value={value.monthDay}
          onChange={(v) => onChange({ ...value, monthDay: Math.min(31, Math.max(1, Number(v) || 1)) })}
        />
      )}
      {value.preset === 'custom' && (
        <TextInput
          label={m('rrule')}
          description={m('rruleHint')}
          ff="monospace"
          value={value.custom}
          error={error}
          onChange={(e) => onChange({ ...value, custom: e.currentTarget.value })}
        />
      )}
      {value.preset !== 'custom' && (
        <Text size="xs" c={error ? 'red' : 'dimmed'} data-testid="rrule-preview">
          {error ?? (rrule ? `RRULE: ${rrule}` : m('oneOff'))}
        </Text>
      )}
    </Stack>
  );
}
