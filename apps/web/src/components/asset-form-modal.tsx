import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { assetsApi } from '../api/endpoints';
import type { Asset, AssetInput } from '../api/types';
import {
  ASSET_STATUSES,
  ASSET_TYPES,
  type AssetStatusValue,
  type AssetTypeValue,
  asCriticality,
  CRITICALITIES,
  CRITICALITY_KEYS,
  type Criticality,
} from '../lib/enums';
import { handleFormError } from '../lib/errors';
import { changedFields, errorsUnder, nullIfEmpty, useFormState } from '../lib/form';
import { useClientSites } from '../lib/use-client-sites';
import { useAssetTypes, useClientOptions, useContactOptions, useVendorOptions } from '../lib/use-lookups';
import { type AttributeDraft, AttributeFields, attributesInput } from './attribute-fields';
import { FormActions } from './form-actions';

const FIELDS = [
  'clientId',
  'name',
  'type',
  'siteId',
  'criticality',
  'status',
  'ownerContactId',
  'vendorId',
  'vendorContractRef',
  'attributes',
  'notes',
];

export function AssetFormModal({
  asset,
  clientId,
  fixedClient = false,
  onClose,
  onSaved,
}: {
  asset?: Asset;
  clientId?: string | null;
  fixedClient?: boolean;
  onClose: () => void;
  onSaved: (asset: Asset) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const types = useAssetTypes();
  const clients = useClientOptions(!asset && !fixedClient);
  const vendors = useVendorOptions();
  const { values, initialValues, set, setValues, errors, setErrors } = useFormState(() => ({
    clientId: asset?.clientId ?? clientId ?? null,
    name: asset?.name ?? '',
    type: (asset?.type ?? null) as AssetTypeValue | null,
    siteId: asset?.siteId ?? null,
    criticality: asCriticality(asset?.criticality ?? 2),
    status: (asset?.status ?? 'in_service') as AssetStatusValue,
    ownerContactId: asset?.ownerContactId ?? null,
    vendorId: asset?.vendorId ?? null,
    vendorContractRef: asset?.vendorContractRef ?? '',
    attributes: (asset?.attributes ?? {}) as AttributeDraft,
    notes: asset?.notes ?? '',
  }));
  const sites = useClientSites(values.clientId);
  const contacts = useContactOptions(values.clientId);
  const definitions = types.data?.types.find((x) => x.type === values.type)?.attributes ?? [];

  const save = useMutation({
    mutationFn: () => {
      if (!values.type) throw new Error(t('assets.typeRequired'));
      const inputOf = (v: typeof values, type: AssetTypeValue) => ({
        name: v.name,
        type,
        siteId: v.siteId,
        criticality: v.criticality,
        status: v.status,
        ownerContactId: v.ownerContactId,
        vendorId: v.vendorId,
        vendorContractRef: nullIfEmpty(v.vendorContractRef),
        attributes: attributesInput(definitions, v.attributes),
        notes: nullIfEmpty(v.notes),
      });
      if (asset) {
        return assetsApi.update(
          asset.id,
          changedFields(inputOf(initialValues, asset.type), inputOf(values, values.type)),
        );
      }
      const input: AssetInput = { ...inputOf(values, values.type), clientId: values.clientId ?? '' };
      return assetsApi.create(input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['assets'] });
      queryClient.setQueryData(['asset', saved.id], saved);
      onSaved(saved);
    },
    onError: (error) => handleFormError(t, error, setErrors, FIELDS),
  });

  return (
    <Modal opened onClose={onClose} title={asset ? t('assets.edit') : t('assets.new')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {!asset && !fixedClient && (
            <Select
              label={t('common.client')}
              required
              searchable
              data={clients.data ?? []}
              value={values.clientId}
              error={errors.clientId}
              onChange={(v) => setValues((cur) => ({ ...cur, clientId: v, siteId: null, ownerContactId: null }))}
            />
          )}
          <SimpleGrid cols={2}>
            <TextInput
              label={t('common.name')}
              required
              value={values.name}
              error={errors.name}
              onChange={(e) => set('name', e.currentTarget.value)}
            />
            <Select
              label={t('assets.type')}
              required
              searchable
              data={ASSET_TYPES.map((type) => ({ value: type, label: t(`assetTypes.${type}`) }))}
              value={values.type}
              error={errors.type}
              onChange={(v) => {
                const keys = new Set(types.data?.types.find((x) => x.type === v)?.attributes.map((a) => a.key));
                const kept = Object.fromEntries(Object.entries(values.attributes).filter(([k]) => keys.has(k)));
                setValues((cur) => ({ ...cur, type: v as AssetTypeValue | null, attributes: kept }));
              }}
            />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <Select
              label={t('common.site')}
              clearable
              data={sites.data ?? []}
              value={values.siteId}
              error={errors.siteId}
              onChange={(v) => set('siteId', v)}
            />
            <Select
              label={t('assets.criticality')}
              allowDeselect={false}
              data={CRITICALITIES.map((c) => ({ value: String(c), label: t(`criticality.${CRITICALITY_KEYS[c]}`) }))}
              value={String(values.criticality)}
              error={errors.criticality}
              onChange={(v) => v && set('criticality', Number(v) as Criticality)}
            />
            <Select
              label={t('common.status')}
              allowDeselect={false}
              data={ASSET_STATUSES.map((s) => ({ value: s, label: t(`assetStatus.${s}`) }))}
              value={values.status}
              error={errors.status}
              onChange={(v) => v && set('status', v as AssetStatusValue)}
            />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <Select
              label={t('assets.owner')}
              clearable
              searchable
              data={contacts.data ?? []}
              value={values.ownerContactId}
              error={errors.ownerContactId}
              onChange={(v) => set('ownerContactId', v)}
            />
            <Select
              label={t('assets.vendor')}
              clearable
              searchable
              data={vendors.data ?? []}
              value={values.vendorId}
              error={errors.vendorId}
              onChange={(v) => set('vendorId', v)}
            />
            <TextInput
              label={t('assets.vendorContractRef')}
              value={values.vendorContractRef}
              error={errors.vendorContractRef}
              onChange={(e) => set('vendorContractRef', e.currentTarget.value)}
            />
          </SimpleGrid>
          <AttributeFields
            definitions={definitions}
            value={values.attributes}
            onChange={(v) => set('attributes', v)}
            errors={errorsUnder(errors, 'attributes')}
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
