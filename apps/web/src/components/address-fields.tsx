import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../lib/form';

export interface AddressValues {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
}

export function emptyAddress(address?: Partial<Record<keyof AddressValues, string | null | undefined>>): AddressValues {
  return {
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    country: address?.country ?? '',
  };
}

export function addressInput(v: AddressValues) {
  const clean = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    line1: clean(v.line1),
    line2: clean(v.line2),
    postalCode: clean(v.postalCode),
    city: clean(v.city),
    country: clean(v.country.toUpperCase()),
  };
}

/** Address inputs; errors are those under `address.` with the prefix removed. */
export function AddressFields({
  value,
  onChange,
  errors,
}: {
  value: AddressValues;
  onChange: (value: AddressValues) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const field = (key: keyof AddressValues) => ({
    value: value[key],
    error: errors[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      onChange({ ...value, [key]: key === 'country' ? e.currentTarget.value.toUpperCase() : e.currentTarget.value }),
  });
  return (
    <>
      <TextInput label={t('address.line1')} {...field('line1')} />
      <TextInput label={t('address.line2')} {...field('line2')} />
      <SimpleGrid cols={3}>
        <TextInput label={t('address.postalCode')} {...field('postalCode')} />
        <TextInput label={t('address.city')} {...field('city')} />
        <TextInput label={t('address.country')} maxLength={2} {...field('country')} />
      </SimpleGrid>
    </>
  );
}
