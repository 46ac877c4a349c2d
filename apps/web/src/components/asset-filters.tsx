import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASSET_STATUSES, ASSET_TYPES, CRITICALITIES, CRITICALITY_KEYS } from '../lib/enums';
import { useClientOptions } from '../lib/use-lookups';
import { SearchInput } from './search-input';

export interface AssetFilterValues {
  clientId: string | null;
  type: string | null;
  criticality: string | null;
  status: string | null;
  q: string;
}

export function AssetFilters({
  value,
  onChange,
  showClient,
}: {
  value: AssetFilterValues;
  onChange: (value: AssetFilterValues) => void;
  showClient: boolean;
}) {
  const { t } = useTranslation();
  const clients = useClientOptions(showClient);
  return (
    <Group mb="md" align="flex-end">
      <SearchInput label={t('assets.search')} value={value.q} onChange={(q) => onChange({ ...value, q })} />
      {showClient && (
        <Select
          aria-label={t('assets.filterClient')}
          placeholder={t('common.client')}
          searchable
          clearable
          data={clients.data ?? []}
          value={value.clientId}
          onChange={(clientId) => onChange({ ...value, clientId })}
          w={220}
        />
      )}
      <Select
        aria-label={t('assets.filterType')}
        placeholder={t('assets.type')}
        searchable
        clearable
        data={ASSET_TYPES.map((type) => ({ value: type, label: t(`assetTypes.${type}`) }))}
        value={value.type}
        onChange={(type) => onChange({ ...value, type })}
        w={200}
      />
      <Select
        aria-label={t('assets.filterCriticality')}
        placeholder={t('assets.criticality')}
        clearable
        data={CRITICALITIES.map((c) => ({ value: String(c), label: t(`criticality.${CRITICALITY_KEYS[c]}`) }))}
        value={value.criticality}
        onChange={(criticality) => onChange({ ...value, criticality })}
        w={160}
      />
      <Select
        aria-label={t('assets.filterStatus')}
        placeholder={t('common.status')}
        clearable
        data={ASSET_STATUSES.map((s) => ({ value: s, label: t(`assetStatus.${s}`) }))}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        w={160}
      />
    </Group>
  );
}
