import { ActionIcon, Group, Input, Pill, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../lib/form';

/** Extra closed days (YYYY-MM-DD), added one by one. `errors` are calendar errors (`closedDays.N`). */
export function ClosedDaysInput({
  value,
  onChange,
  errors,
}: {
  value: string[];
  onChange: (value: string[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!draft || value.includes(draft)) return;
    onChange([...value, draft].sort());
    setDraft('');
  };
  const problems = value.map((_, i) => errors[`closedDays.${i}`]).filter(Boolean);

  return (
    <Input.Wrapper label={t('contracts.calendar.closedDays')} description={t('contracts.calendar.closedDaysHint')}>
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap">
          <TextInput
            type="date"
            size="xs"
            aria-label={t('contracts.calendar.closedDayToAdd')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <ActionIcon variant="light" aria-label={t('contracts.calendar.addClosedDay')} onClick={add}>
            <IconPlus size={14} />
          </ActionIcon>
        </Group>
        <Group gap={4}>
          {value.map((day) => (
            <Pill
              key={day}
              withRemoveButton
              onRemove={() => onChange(value.filter((d) => d !== day))}
              removeButtonProps={{ 'aria-label': t('contracts.calendar.removeClosedDay', { day }) }}
            >
              {day}
            </Pill>
          ))}
        </Group>
        {problems.map((problem) => (
          <Text key={problem} size="xs" c="red">
            {problem}
          </Text>
        ))}
      </Stack>
    </Input.Wrapper>
  );
}
