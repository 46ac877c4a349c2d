import { Button, Group, Input, Paper, Stack, Switch, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { timeEntriesApi } from '../api/work-endpoints';
import { handleFormError } from '../lib/errors';
import { nullIfEmpty, useFormState } from '../lib/form';
import { localDate } from '../lib/local-date';
import { DurationInput } from './duration-input';

interface Values {
  minutes: number;
  billable: boolean;
  note: string;
  workDate: string;
}

/** Logs time on a ticket: how long, billable or covered by the contract (billable by default when out of scope). */
export function TimeEntryForm({ ticket, onLogged }: { ticket: Ticket; onLogged: () => void }) {
  const { t } = useTranslation();
  const initial = (): Values => ({ minutes: 0, billable: ticket.outOfScope, note: '', workDate: localDate() });
  const { values, set, errors, setErrors, reset } = useFormState<Values>(initial);
  const save = useMutation({
    mutationFn: () =>
      timeEntriesApi.create(ticket.id, {
        minutes: values.minutes,
        billable: values.billable,
        note: nullIfEmpty(values.note),
        workDate: values.workDate || undefined,
      }),
    onSuccess: () => {
      reset(initial());
      notifications.show({ color: 'teal', message: t('time.logged') });
      onLogged();
    },
    onError: (error) => handleFormError(t, error, setErrors, ['minutes', 'billable', 'note', 'workDate']),
  });
  const submit = () => {
    if (values.minutes < 1) {
      setErrors({ minutes: t('time.minutesRequired') });
      return;
    }
    save.mutate();
  };

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('time.add')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="xs">
          <Title order={4}>{t('time.add')}</Title>
          <Group align="flex-end" gap="md" wrap="wrap">
            <Input.Wrapper label={t('time.duration')} labelElement="div" required>
              <DurationInput
                label={t('time.duration')}
                hoursLabel={t('time.h')}
                minutesLabel={t('time.min')}
                value={values.minutes}
                onChange={(minutes) => set('minutes', minutes)}
                error={errors.minutes}
              />
            </Input.Wrapper>
            <TextInput
              type="date"
              label={t('time.workDate')}
              value={values.workDate}
              max={localDate()}
              onChange={(event) => set('workDate', event.currentTarget.value)}
              error={errors.workDate}
              w={170}
            />
            <Switch
              label={t('time.billable')}
              description={ticket.outOfScope ? t('time.outOfScopeHint') : t('time.coveredHint')}
              checked={values.billable}
              onChange={(event) => set('billable', event.currentTarget.checked)}
              mb={4}
            />
          </Group>
          <Textarea
            label={t('time.note')}
            autosize
            minRows={1}
            maxLength={2000}
            value={values.note}
            onChange={(event) => set('note', event.currentTarget.value)}
            error={errors.note}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('time.log')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
