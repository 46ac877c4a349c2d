import { Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ticketCategoriesApi } from '../api/ticket-endpoints';
import type { TicketCategory } from '../api/types';
import { SCOPE_DOMAINS } from '../lib/enums';
import { handleFormError } from '../lib/errors';
import { changedFields, useFormState } from '../lib/form';
import { useTeamOptions } from '../lib/use-ticket-lookups';
import { FormActions } from './form-actions';

/** A ticket category: its name, the contract domain it falls in (decides scope), the team that gets its tickets. */
export function CategoryFormModal({ category, onClose }: { category?: TicketCategory; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useTeamOptions();
  const { values, initialValues, set, errors, setErrors } = useFormState(() => ({
    name: category?.name ?? '',
    scopeDomain: category?.scopeDomain ?? null,
    defaultTeamId: category?.defaultTeamId ?? null,
    active: category?.active ?? true,
  }));
  const save = useMutation({
    mutationFn: () =>
      category
        ? ticketCategoriesApi.update(category.id, changedFields(initialValues, values))
        : ticketCategoriesApi.create(values),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['ticket-categories'] });
      onClose();
    },
    onError: (error) => handleFormError(t, error, setErrors, ['name', 'scopeDomain', 'defaultTeamId', 'active']),
  });

  return (
    <Modal opened onClose={onClose} title={category ? t('categories.edit') : t('categories.new')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('common.name')}
            required
            value={values.name}
            error={errors.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            maxLength={100}
            data-autofocus
          />
          <Select
            label={t('categories.scopeDomain')}
            description={t('categories.scopeDomainHint')}
            data={SCOPE_DOMAINS.map((d) => ({ value: d, label: t(`scopeDomain.${d}`) }))}
            value={values.scopeDomain}
            error={errors.scopeDomain}
            onChange={(v) => set('scopeDomain', v)}
            clearable
          />
          <Select
            label={t('categories.defaultTeam')}
            data={teams}
            value={values.defaultTeamId}
            error={errors.defaultTeamId}
            onChange={(v) => set('defaultTeamId', v)}
            searchable
            clearable
          />
          <Switch
            label={t('categories.active')}
            checked={values.active}
            onChange={(event) => set('active', event.currentTarget.checked)}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
