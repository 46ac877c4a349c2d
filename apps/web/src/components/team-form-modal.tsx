import { Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { teamsApi, usersApi } from '../api/endpoints';
import type { Team } from '../api/types';
import { isClientRole } from '../lib/enums';
import { handleFormError } from '../lib/errors';
import { changedFields, nullIfEmpty, useFormState } from '../lib/form';
import { useClientOptions } from '../lib/use-lookups';
import { FormActions } from './form-actions';

export function TeamFormModal({ team, onClose }: { team?: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useClientOptions();
  const staff = useQuery({
    queryKey: ['users', 'options'],
    queryFn: () => usersApi.list({ limit: 200 }),
    select: (page) =>
      page.items
        .filter((u) => !isClientRole(u.role))
        .map((u) => ({ value: u.id, label: `${u.name} (${t(`roles.${u.role}`)})` })),
  });
  const { values, initialValues, set, errors, setErrors } = useFormState(() => ({
    name: team?.name ?? '',
    description: team?.description ?? '',
    memberIds: team?.memberIds ?? [],
    clientIds: team?.clientIds ?? [],
  }));

  const save = useMutation({
    mutationFn: () => {
      const inputOf = (v: typeof values) => ({ ...v, description: nullIfEmpty(v.description) });
      return team
        ? teamsApi.update(team.id, changedFields(inputOf(initialValues), inputOf(values)))
        : teamsApi.create(inputOf(values));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      onClose();
    },
    onError: (error) => handleFormError(t, error, setErrors, ['name', 'description', 'memberIds', 'clientIds']),
  });

  return (
    <Modal opened onClose={onClose} title={team ? t('teams.edit') : t('teams.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('common.name')}
            required
            value={values.name}
            error={errors.name}
            onChange={(e) => set('name', e.currentTarget.value)}
          />
          <Textarea
            label={t('teams.description')}
            autosize
            value={values.description}
            error={errors.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
          <MultiSelect
            label={t('teams.members')}
            description={staff.isError ? t('teams.membersUnavailable') : undefined}
            searchable
            clearable
            data={staff.data ?? []}
            value={values.memberIds}
            error={errors.memberIds}
            onChange={(v) => set('memberIds', v)}
          />
          <MultiSelect
            label={t('teams.clients')}
            searchable
            clearable
            data={clients.data ?? []}
            value={values.clientIds}
            error={errors.clientIds}
            onChange={(v) => set('clientIds', v)}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
