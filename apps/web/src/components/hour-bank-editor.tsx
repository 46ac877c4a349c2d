import { NumberInput, Select, SimpleGrid, Stack, Switch, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HourBankValues } from '../lib/contract-form';
import { HOUR_BANK_PERIODS, HOUR_BANK_ROLLOVERS } from '../lib/enums';
import type { FieldErrors } from '../lib/form';

const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

/** Optional hour bank; errors are under `hourBank.`. */
export function HourBankEditor({
  value,
  onChange,
  errors,
}: {
  value: HourBankValues;
  onChange: (value: HourBankValues) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={4}>{t('contracts.hourBank.title')}</Title>
      <Switch
        label={t('contracts.hourBank.enabled')}
        checked={value.enabled}
        onChange={(e) => onChange({ ...value, enabled: e.currentTarget.checked })}
      />
      {value.enabled && (
        <SimpleGrid cols={4}>
          <NumberInput
            label={t('contracts.hourBank.hours')}
            min={0}
            value={value.hours}
            error={errors.hours}
            onChange={(v) => onChange({ ...value, hours: num(v) })}
          />
          <NumberInput
            label={t('contracts.hourBank.warningPercent')}
            min={1}
            max={100}
            suffix=" %"
            value={value.warningPercent}
            error={errors.warningPercent}
            onChange={(v) => onChange({ ...value, warningPercent: num(v) })}
          />
          <Select
            label={t('contracts.hourBank.rollover')}
            allowDeselect={false}
            data={HOUR_BANK_ROLLOVERS.map((r) => ({ value: r, label: t(`hourBankRollover.${r}`) }))}
            value={value.rollover}
            onChange={(v) => v && onChange({ ...value, rollover: v as HourBankValues['rollover'] })}
          />
          <Select
            label={t('contracts.hourBank.period')}
            allowDeselect={false}
            data={HOUR_BANK_PERIODS.map((p) => ({ value: p, label: t(`hourBankPeriod.${p}`) }))}
            value={value.period}
            onChange={(v) => v && onChange({ ...value, period: v as HourBankValues['period'] })}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
