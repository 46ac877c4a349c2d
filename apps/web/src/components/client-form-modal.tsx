import { Modal, Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { clientsApi } from '../api/endpoints';
import type { Client, ClientInput } from '../api/types';
import { handleFormError } from '../lib/errors';
import { changedFields, nullIfEmpty, useFormState } from '../lib/form';
import { timeZones } from '../lib/time-zones';
import { FormActions } from './form-actions';

interface Values {
  code: string;
  name: string;
  legalName: string;
  timeZone: string;
  locale: 'fr' | 'en';
  phone: string;
  email: string;
  website: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  mailDomains: string[];
  notes: string;
  active: boolean;
}

function initialValues(client?: Client): Values {
  return {
    code: client?.code ?? '',
    name: client?.name ?? '',
    legalName: client?.legalName ?? '',
    timeZone: client?.timeZone ?? 'Europe/Paris',
    locale: client?.locale ?? 'fr',
    phone: client?.phone ?? '',
    email: client?.email ?? '',
    website: client?.website ?? '',
    line1: client?.address.line1 ?? '',
    line2: client?.address.line2 ?? '',
    postalCode: client?.address.postalCode ?? '',
    city: client?.address.city ?? '',
    country: client?.address.country ?? '',
    mailDomains: client?.mailDomains ?? [],
    notes: client?.notes ?? '',
    active: client?.active ?? true,
  };
}

function toInput(v: Values): ClientInput {
  return {
    code: v.code.trim(),
    name: v.name,
    legalName: v.legalName,
    timeZone: v.timeZone,
    locale: v.locale,
    phone: nullIfEmpty(v.phone),
    email: nullIfEmpty(v.email),
    website: nullIfEmpty(v.website),
    address: {
      line1: nullIfEmpty(v.line1),
      line2: nullIfEmpty(v.line2),
      postalCode: nullIfEmpty(v.postalCode),
      city: nullIfEmpty(v.city),
      country: nullIfEmpty(v.country.toUpperCase()),
    },
    mailDomains: v.mailDomains,
    notes: nullIfEmpty(v.notes),
    active: v.active,
  };
}

const FIELDS = [
  'code',
  'name',
  'legalName',
  'timeZone',
  'locale',
  'phone',
  'email',
  'website',
  'address',
  'mailDomains',
  'notes',
];

export function ClientFormModal({
  client,
  onClose,
  onSaved,
}: {
  client?: Client;
  onClose: () => void;
  onSaved: (client: Client) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, initialValues: opened, set, errors, setErrors } = useFormState(() => initialValues(client));

  const save = useMutation({
    mutationFn: () =>
      client
        ? clientsApi.update(client.id, changedFields(toInput(opened), toInput(values)))
        : clientsApi.create(toInput(values)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
      queryClient.setQueryData(['client', saved.id], saved);
      onSaved(saved);
    },
    onError: (error) => handleFormError(t, error, setErrors, FIELDS),
  });

  return (
    <Modal opened onClose={onClose} title={client ? t('clients.edit') : t('clients.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label={t('clients.code')}
              required
              value={values.code}
              error={errors.code}
              onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
            />
            <TextInput
              label={t('clients.name')}
              required
              value={values.name}
              error={errors.name}
              onChange={(e) => set('name', e.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            label={t('clients.legalName')}
            required
            value={values.legalName}
            error={errors.legalName}
            onChange={(e) => set('legalName', e.currentTarget.value)}
          />
          <SimpleGrid cols={2}>
            <Select
              label={t('clients.timeZone')}
              searchable
              data={timeZones()}
              value={values.timeZone}
              error={errors.timeZone}
              onChange={(value) => set('timeZone', value ?? 'Europe/Paris')}
              allowDeselect={false}
            />
            <Select
              label={t('common.locale')}
              data={[
                { value: 'fr', label: t('languages.fr') },
                { value: 'en', label: t('languages.en') },
              ]}
              value={values.locale}
              error={errors.locale}
              onChange={(value) => set('locale', value === 'en' ? 'en' : 'fr')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <TextInput
              label={t('common.phone')}
              value={values.phone}
              error={errors.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
            />
            <TextInput
              label={t('common.email')}
              value={values.email}
              error={errors.email}
              onChange={(e) => set('email', e.currentTarget.value)}
            />
            <TextInput
              label={t('clients.website')}
              value={values.website}
              error={errors.website}
              onChange={(e) => set('website', e.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            label={t('address.line1')}
            value={values.line1}
            error={errors['address.line1']}
            onChange={(e) => set('line1', e.currentTarget.value)}
          />
          <TextInput
            label={t('address.line2')}
            value={values.line2}
            error={errors['address.line2']}
            onChange={(e) => set('line2', e.currentTarget.value)}
          />
          <SimpleGrid cols={3}>
            <TextInput
              label={t('address.postalCode')}
              value={values.postalCode}
              error={errors['address.postalCode']}
              onChange={(e) => set('postalCode', e.currentTarget.value)}
            />
            <TextInput
              label={t('address.city')}
              value={values.city}
              error={errors['address.city']}
              onChange={(e) => set('city', e.currentTarget.value)}
            />
            <TextInput
              label={t('address.country')}
              maxLength={2}
              value={values.country}
              error={errors['address.country']}
              onChange={(e) => set('country', e.currentTarget.value.toUpperCase())}
            />
          </SimpleGrid>
          <TagsInput
            label={t('clients.mailDomains')}
            description={t('clients.mailDomainsHint')}
            value={values.mailDomains}
            error={errors.mailDomains ?? Object.entries(errors).find(([k]) => k.startsWith('mailDomains.'))?.[1]}
            onChange={(value) => set('mailDomains', value)}
            splitChars={[',', ' ', ';']}
          />
          {client && (
            <>
              <Textarea
                label={t('common.notes')}
                autosize
                minRows={2}
                value={values.notes}
                error={errors.notes}
                onChange={(e) => set('notes', e.currentTarget.value)}
              />
              <Switch
                label={t('clients.active')}
                checked={values.active}
                onChange={(e) => set('active', e.currentTarget.checked)}
              />
            </>
          )}
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
