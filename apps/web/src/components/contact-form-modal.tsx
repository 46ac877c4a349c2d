import { Checkbox, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contactsApi } from '../api/endpoints';
import type { Contact, ContactInput } from '../api/types';
import { handleFormError } from '../lib/errors';
import { changedFields, nullIfEmpty, useFormState } from '../lib/form';
import { useClientSites } from '../lib/use-client-sites';
import { FormActions } from './form-actions';

const FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
  'jobTitle',
  'siteId',
  'locale',
  'isPrimary',
  'notes',
];

export function ContactFormModal({
  clientId,
  contact,
  onClose,
}: {
  clientId: string;
  contact?: Contact;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sites = useClientSites(clientId);
  const { values, initialValues, set, errors, setErrors } = useFormState(() => ({
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    mobile: contact?.mobile ?? '',
    jobTitle: contact?.jobTitle ?? '',
    siteId: contact?.siteId ?? null,
    locale: contact?.locale ?? ('fr' as 'fr' | 'en'),
    isPrimary: contact?.isPrimary ?? false,
    notes: contact?.notes ?? '',
  }));

  const save = useMutation({
    mutationFn: () => {
      const inputOf = (v: typeof values): ContactInput => ({
        firstName: v.firstName,
        lastName: v.lastName,
        email: nullIfEmpty(v.email),
        phone: nullIfEmpty(v.phone),
        mobile: nullIfEmpty(v.mobile),
        jobTitle: nullIfEmpty(v.jobTitle),
        siteId: v.siteId,
        locale: v.locale,
        isPrimary: v.isPrimary,
        notes: nullIfEmpty(v.notes),
      });
      return contact
        ? contactsApi.update(contact.id, changedFields(inputOf(initialValues), inputOf(values)))
        : contactsApi.create(clientId, inputOf(values));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['contacts', clientId] });
      onClose();
    },
    onError: (error) => handleFormError(t, error, setErrors, FIELDS),
  });

  return (
    <Modal opened onClose={onClose} title={contact ? t('contacts.edit') : t('contacts.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label={t('contacts.firstName')}
              value={values.firstName}
              error={errors.firstName}
              onChange={(e) => set('firstName', e.currentTarget.value)}
            />
            <TextInput
              label={t('contacts.lastName')}
              required
              value={values.lastName}
              error={errors.lastName}
              onChange={(e) => set('lastName', e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('common.email')}
              value={values.email}
              error={errors.email}
              onChange={(e) => set('email', e.currentTarget.value)}
            />
            <TextInput
              label={t('contacts.jobTitle')}
              value={values.jobTitle}
              error={errors.jobTitle}
              onChange={(e) => set('jobTitle', e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('common.phone')}
              value={values.phone}
              error={errors.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
            />
            <TextInput
              label={t('contacts.mobile')}
              value={values.mobile}
              error={errors.mobile}
              onChange={(e) => set('mobile', e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label={t('common.site')}
              clearable
              data={sites.data ?? []}
              value={values.siteId}
              error={errors.siteId}
              onChange={(value) => set('siteId', value)}
            />
            <Select
              label={t('common.locale')}
              data={[
                { value: 'fr', label: t('languages.fr') },
                { value: 'en', label: t('languages.en') },
              ]}
              value={values.locale}
              allowDeselect={false}
              onChange={(value) => set('locale', value === 'en' ? 'en' : 'fr')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('contacts.isPrimary')}
            checked={values.isPrimary}
            onChange={(e) => set('isPrimary', e.currentTarget.checked)}
          />
          <Textarea
            label={t('common.notes')}
            autosize
            minRows={2}
            value={values.notes}
            error={errors.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
