import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slaActionsApi } from '../api/sla-actions-endpoints';
import { handleFormError } from '../lib/errors';
import type { FieldErrors } from '../lib/form';
import {
  missingTeams,
  SLA_MILESTONES,
  type SlaActionsValues,
  slaActionsOf,
  slaActionsValues,
} from '../lib/sla-actions-form';
import { useTeamOptions } from '../lib/use-ticket-lookups';
import { QueryState } from './query-state';
import { SlaMilestoneFieldset } from './sla-milestone-fieldset';

function SlaActionsForm({ initial }: { initial: SlaActionsValues }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useTeamOptions();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () => slaActionsApi.put(slaActionsOf(values)),
    onSuccess: (saved) => {
      setErrors({});
      queryClient.setQueryData(['sla-actions'], saved);
      notifications.show({ color: 'teal', message: t('slaActions.saved') });
    },
    onError: (error) => handleFormError(t, error, setErrors, SLA_MILESTONES),
  });
  const submit = () => {
    const missing = missingTeams(values);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((m) => [`${m}.teamId`, t('slaActions.teamRequired')])));
      return;
    }
    save.mutate();
  };
  // the server names a bad team by its place in the list: `breach.3.teamId`
  const teamError = (milestone: string) =>
    Object.entries(errors).find(([key]) => key.startsWith(`${milestone}.`) && key.endsWith('teamId'))?.[1];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {SLA_MILESTONES.map((milestone) => (
          <SlaMilestoneFieldset
            key={milestone}
            milestone={milestone}
            value={values[milestone]}
            onChange={(value) => {
              setValues((current) => ({ ...current, [milestone]: value }));
              setErrors({});
            }}
            teams={teams}
            teamError={teamError(milestone)}
          />
        ))}
      </SimpleGrid>
      <Group mt="sm" gap="xs">
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setValues(initial);
            setErrors({});
          }}
        >
          {t('slaActions.reset')}
        </Button>
      </Group>
    </form>
  );
}

/** What the SLA milestones set off, for the whole desk: notify people, raise the level, hand to another team. */
export function SlaActionsSection() {
  const { t } = useTranslation();
  const actions = useQuery({ queryKey: ['sla-actions'], queryFn: slaActionsApi.get });
  return (
    <Paper withBorder p="md" component="section" aria-label={t('slaActions.title')}>
      <Title order={3}>{t('slaActions.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('slaActions.hint')}
      </Text>
      {actions.data ? (
        <SlaActionsForm key={JSON.stringify(actions.data)} initial={slaActionsValues(actions.data)} />
      ) : (
        <QueryState isLoading={actions.isLoading} error={actions.error} />
      )}
    </Paper>
  );
}
