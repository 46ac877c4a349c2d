import { Modal, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../api/endpoints';
import type { UpdateUser, User } from '../api/types';
import { isClientRole, ROLES, type RoleValue, SUPPORT_LEVELS, type SupportLevel } from '../lib/enums';
import { handleFormError } from '../lib/errors';
import { useFormState } from '../lib/form';
import { useClientOptions } from '../lib/use-lookups';
import { FormActions } from './form-actions';

const FIELDS = ['email', 'name', 'role', 'clientId', 'supportLevel', 'password', 'locale', 'active'];

export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useClientOptions();
  const { values, set, errors, setErrors } = useFormState(() => ({
    email: user?.email ?? '',
    name: user?.name ?? '',
    role: (user?.role ?? 'technician') as RoleValue,
    clientId: user?.clientId ?? null,
    supportLevel: (user?.supportLevel ?? null) as SupportLevel | null,
    locale: user?.locale ?? ('fr' as 'fr' | 'en'),
    password: '',
    active: user?.active ?? true,
  }));
  const clientRole = isClientRole(values.role);

  const save = useMutation({
    mutationFn: () => {
      const common = {
        name: values.name,
        role: values.role,
        clientId: clientRole ? values.clientId : null,
        supportLevel: values.role === 'technician' ? values.supportLevel : null,
        locale: values.locale,
      };
      if (user) {
        const patch: UpdateUser = { ...common, active: values.active };
        if (values.password) patch.password = values.password;
        return usersApi.update(user.id, patch);
      }
      return usersApi.create({ ...common, email: values.email, specialties: [], password: values.password });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => handleFormError(t, error, setErrors, FIELDS),
  });

  return (
    <Modal opened onClose={onClose} title={user ? t('users.edit') : t('users.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label={t('common.email')}
              type="email"
              required={!user}
              disabled={Boolean(user)}
              value={values.email}
              error={errors.email}
              onChange={(e) => set('email', e.currentTarget.value)}
            />
            <TextInput
              label={t('common.name')}
              required
              value={values.name}
              error={errors.name}
              onChange={(e) => set('name', e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label={t('users.role')}
              allowDeselect={false}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={values.role}
              error={errors.role}
              onChange={(v) => v && set('role', v as RoleValue)}
            />
            <Select
              label={t('common.locale')}
              allowDeselect={false}
              data={[
                { value: 'fr', label: t('languages.fr') },
                { value: 'en', label: t('languages.en') },
              ]}
              value={values.locale}
              onChange={(v) => set('locale', v === 'en' ? 'en' : 'fr')}
            />
          </SimpleGrid>
          {clientRole && (
            <Select
              label={t('common.client')}
              required
              searchable
              data={clients.data ?? []}
              value={values.clientId}
              error={errors.clientId}
              onChange={(v) => set('clientId', v)}
            />
          )}
          {values.role === 'technician' && (
            <Select
              label={t('users.supportLevel')}
              clearable
              data={SUPPORT_LEVELS.map((l) => ({ value: String(l), label: `N${l}` }))}
              value={values.supportLevel ? String(values.supportLevel) : null}
              error={errors.supportLevel}
              onChange={(v) => set('supportLevel', v ? (Number(v) as SupportLevel) : null)}
            />
          )}
          <PasswordInput
            label={user ? t('users.newPassword') : t('users.password')}
            description={t('users.passwordHint')}
            required={!user}
            autoComplete="new-password"
            value={values.password}
            error={errors.password}
            onChange={(e) => set('password', e.currentTarget.value)}
          />
          {user && (
            <Switch
              label={t('users.active')}
              checked={values.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
          )}
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
