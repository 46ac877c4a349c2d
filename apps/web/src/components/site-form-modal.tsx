import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sitesApi } from '../api/endpoints';
import type { Site, SiteInput } from '../api/types';
import { handleFormError } from '../lib/errors';
import { changedFields, errorsUnder, nullIfEmpty, useFormState } from '../lib/form';
import { timeZones } from '../lib/time-zones';
import { AddressFields, addressInput, emptyAddress } from './address-fields';
import { FormActions } from './form-actions';

export function SiteFormModal({ clientId, site, onClose }: { clientId: string; site?: Site; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, initialValues, set, errors, setErrors } = useFormState(() => ({
    name: site?.name ?? '',
    address: emptyAddress(site?.address),
    phone: site?.phone ?? '',
    timeZone: site?.timeZone ?? null,
    accessNotes: site?.accessNotes ?? '',
  }));

  const save = useMutation({
    mutationFn: () => {
      const inputOf = (v: typeof values): SiteInput => ({
        name: v.name,
        address: addressInput(v.address),
        phone: nullIfEmpty(v.phone),
        timeZone: v.timeZone,
        accessNotes: nullIfEmpty(v.accessNotes),
      });
      return site
        ? sitesApi.update(site.id, changedFields(inputOf(initialValues), inputOf(values)))
        : sitesApi.create(clientId, inputOf(values));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['sites', clientId] });
      onClose();
    },
    onError: (error) => handleFormError(t, error, setErrors, ['name', 'address', 'phone', 'timeZone', 'accessNotes']),
  });

  return (
    <Modal opened onClose={onClose} title={site ? t('sites.edit') : t('sites.new')} size="lg">
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
          <AddressFields
            value={values.address}
            onChange={(address) => set('address', address)}
            errors={errorsUnder(errors, 'address')}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('common.phone')}
              value={values.phone}
              error={errors.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
            />
            <Select
              label={t('sites.timeZone')}
              placeholder={t('sites.timeZoneOfClient')}
              searchable
              clearable
              data={timeZones()}
              value={values.timeZone}
              error={errors.timeZone}
              onChange={(value) => set('timeZone', value)}
            />
          </SimpleGrid>
          <Textarea
            label={t('sites.accessNotes')}
            autosize
            minRows={2}
            value={values.accessNotes}
            error={errors.accessNotes}
            onChange={(e) => set('accessNotes', e.currentTarget.value)}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
