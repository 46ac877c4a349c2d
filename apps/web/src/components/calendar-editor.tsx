import {
  ActionIcon,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type CalendarValues, flattenWeekly, type Interval } from '../lib/contract-form';
import { WEEKDAY_KEYS, WEEKDAYS, type Weekday } from '../lib/enums';
import type { FieldErrors } from '../lib/form';
import { timeZones } from '../lib/time-zones';
import { ClosedDaysInput } from './closed-days-input';

/** Business calendar: zone, 24/7, weekly opening intervals, holiday region, extra closed days. Errors under `calendar.`. */
export function CalendarEditor({
  value,
  onChange,
  errors,
}: {
  value: CalendarValues;
  onChange: (value: CalendarValues) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const setDay = (day: Weekday, intervals: Interval[]) =>
    onChange({ ...value, weekly: { ...value.weekly, [day]: intervals } });
  const copyMondayToWeekdays = () => {
    const monday = value.weekly[1];
    onChange({
      ...value,
      weekly: { ...value.weekly, 2: [...monday], 3: [...monday], 4: [...monday], 5: [...monday] },
    });
  };

  // error paths name the flattened index: map it back to (day, position)
  const intervalErrors = new Map<string, string>();
  flattenWeekly(value.weekly).forEach(({ day, position }, index) => {
    const message = errors[`weekly.${index}`] ?? errors[`weekly.${index}.start`] ?? errors[`weekly.${index}.end`];
    if (message) intervalErrors.set(`${day}.${position}`, message);
  });

  return (
    <Stack gap="sm">
      <Title order={4}>{t('contracts.calendar.title')}</Title>
      <SimpleGrid cols={2}>
        <Select
          label={t('contracts.calendar.timeZone')}
          searchable
          allowDeselect={false}
          data={timeZones()}
          value={value.timeZone}
          error={errors.timeZone}
          onChange={(timeZone) => onChange({ ...value, timeZone: timeZone ?? value.timeZone })}
        />
        <Switch
          mt="xl"
          label={t('contracts.calendar.alwaysOpen')}
          checked={value.alwaysOpen}
          onChange={(e) => onChange({ ...value, alwaysOpen: e.currentTarget.checked })}
        />
      </SimpleGrid>
      {!value.alwaysOpen && (
        <>
          {errors.weekly && (
            <Text size="sm" c="red">
              {errors.weekly}
            </Text>
          )}
          <Table aria-label={t('contracts.calendar.weekly')} withTableBorder>
            <Table.Tbody>
              {WEEKDAYS.map((day) => {
                const dayName = t(`weekdays.${WEEKDAY_KEYS[day]}`);
                const intervals = value.weekly[day];
                return (
                  <Table.Tr key={day}>
                    <Table.Td w={110} valign="top">
                      <Text fw={500} mt={4}>
                        {dayName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        {intervals.length === 0 && (
                          <Text size="sm" c="dimmed" mt={4}>
                            {t('contracts.calendar.closed')}
                          </Text>
                        )}
                        {intervals.map((interval, position) => {
                          const n = position + 1;
                          const error = intervalErrors.get(`${day}.${position}`);
                          const update = (patch: Partial<Interval>) =>
                            setDay(
                              day,
                              intervals.map((it, i) => (i === position ? { ...it, ...patch } : it)),
                            );
                          return (
                            // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity of their own
                            <div key={position}>
                              <Group gap={6} wrap="nowrap">
                                <TextInput
                                  size="xs"
                                  w={80}
                                  placeholder="HH:MM"
                                  maxLength={5}
                                  aria-label={t('contracts.calendar.start', { day: dayName, n })}
                                  value={interval.start}
                                  error={Boolean(error)}
                                  onChange={(e) => update({ start: e.currentTarget.value })}
                                />
                                <Text size="sm">–</Text>
                                <TextInput
                                  size="xs"
                                  w={80}
                                  placeholder="HH:MM"
                                  maxLength={5}
                                  aria-label={t('contracts.calendar.end', { day: dayName, n })}
                                  value={interval.end}
                                  error={Boolean(error)}
                                  onChange={(e) => update({ end: e.currentTarget.value })}
                                />
                                <ActionIcon
                                  variant="subtle"
                                  color="gray"
                                  aria-label={t('contracts.calendar.remove', { day: dayName, n })}
                                  onClick={() =>
                                    setDay(
                                      day,
                                      intervals.filter((_, i) => i !== position),
                                    )
                                  }
                                >
                                  <IconX size={14} />
                                </ActionIcon>
                              </Group>
                              {error && (
                                <Text size="xs" c="red">
                                  {error}
                                </Text>
                              )}
                            </div>
                          );
                        })}
                      </Stack>
                    </Table.Td>
                    <Table.Td w={60} valign="top">
                      <ActionIcon
                        variant="light"
                        aria-label={t('contracts.calendar.add', { day: dayName })}
                        onClick={() => {
                          const last = intervals.at(-1);
                          setDay(day, [
                            ...intervals,
                            last ? { start: last.end, end: last.end } : { start: '09:00', end: '18:00' },
                          ]);
                        }}
                      >
                        <IconPlus size={14} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group>
            <Button variant="subtle" size="xs" leftSection={<IconCopy size={14} />} onClick={copyMondayToWeekdays}>
              {t('contracts.calendar.copyMonday')}
            </Button>
          </Group>
        </>
      )}
      <SimpleGrid cols={2}>
        <TextInput
          label={t('contracts.calendar.holidayRegion')}
          description={t('contracts.calendar.holidayRegionHint')}
          value={value.holidayRegion}
          error={errors.holidayRegion}
          onChange={(e) => onChange({ ...value, holidayRegion: e.currentTarget.value.toUpperCase() })}
        />
        <ClosedDaysInput
          value={value.closedDays}
          onChange={(closedDays) => onChange({ ...value, closedDays })}
          errors={errors}
        />
      </SimpleGrid>
    </Stack>
  );
}
