import { Checkbox, Group, NumberInput, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaValues } from '../lib/contract-form';
import { PRIORITIES, type Priority } from '../lib/enums';
import type { FieldErrors } from '../lib/form';
import { DurationInput } from './duration-input';

/** P1..P4 × time to own / time to resolve, 24/7 per priority, warning percentage. Errors are under `slaPolicy.`. */
export function SlaTargetsEditor({
  value,
  onChange,
  errors,
}: {
  value: SlaValues;
  onChange: (value: SlaValues) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const setTarget = (priority: Priority, patch: Partial<SlaValues['targets'][Priority]>) =>
    onChange({ ...value, targets: { ...value.targets, [priority]: { ...value.targets[priority], ...patch } } });
  const h = t('contracts.sla.hours');
  const m = t('contracts.sla.minutes');

  return (
    <div>
      <Title order={4} mb="xs">
        {t('contracts.sla.title')}
      </Title>
      <Table withTableBorder aria-label={t('contracts.sla.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contracts.sla.priority')}</Table.Th>
            <Table.Th>{t('contracts.sla.tto')}</Table.Th>
            <Table.Th>{t('contracts.sla.ttr')}</Table.Th>
            <Table.Th>{t('contracts.sla.aroundTheClock')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRIORITIES.map((priority) => {
            const target = value.targets[priority];
            const at = `targets.${priority}`;
            return (
              <Table.Tr key={priority}>
                <Table.Td>
                  <Text fw={600}>{priority}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`priorities.${priority}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DurationInput
                    label={t('contracts.sla.ttoOf', { priority })}
                    value={target.ttoMinutes}
                    onChange={(ttoMinutes) => setTarget(priority, { ttoMinutes })}
                    error={errors[`${at}.ttoMinutes`]}
                    hoursLabel={h}
                    minutesLabel={m}
                  />
                </Table.Td>
                <Table.Td>
                  <DurationInput
                    label={t('contracts.sla.ttrOf', { priority })}
                    value={target.ttrMinutes}
                    onChange={(ttrMinutes) => setTarget(priority, { ttrMinutes })}
                    error={errors[`${at}.ttrMinutes`]}
                    hoursLabel={h}
                    minutesLabel={m}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('contracts.sla.aroundTheClockOf', { priority })}
                    checked={target.aroundTheClock}
                    onChange={(e) => setTarget(priority, { aroundTheClock: e.currentTarget.checked })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group mt="xs">
        <NumberInput
          label={t('contracts.sla.warningPercent')}
          description={t('contracts.sla.warningHint')}
          value={value.warningPercent}
          min={1}
          max={99}
          w={220}
          suffix=" %"
          error={errors.warningPercent}
          onChange={(v) => onChange({ ...value, warningPercent: typeof v === 'number' ? v : Number(v) || 0 })}
        />
      </Group>
    </div>
  );
}
