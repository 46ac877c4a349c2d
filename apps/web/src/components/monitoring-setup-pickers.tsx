import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { assetsApi } from '../api/endpoints';
import { agentsApi, checksApi, itemsOf } from '../api/monitoring-setup-endpoints';
import type { Asset } from '../api/types';

export interface PickedAsset {
  id: string;
  name: string;
  clientId: string;
  clientName: string;
}

/**
 * An asset chosen by typing part of its name (the server searches), optionally within one client; the chosen
 * asset stays listed while the search moves on.
 */
export function AssetPicker({
  label,
  clientId,
  value,
  onChange,
  error,
  required,
  disabled,
  clearable,
  placeholder,
  w,
  autoFocus,
}: {
  label: string;
  clientId?: string | null;
  value: PickedAsset | null;
  onChange: (asset: PickedAsset | null) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  clearable?: boolean;
  placeholder?: string;
  w?: number;
  autoFocus?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const typed = value && search === labelOf(value) ? '' : q;
  const assets = useQuery({
    queryKey: ['assets', 'picker', clientId ?? null, typed],
    queryFn: () => assetsApi.list({ clientId, q: typed, limit: 50 }),
    placeholderData: keepPreviousData,
    enabled: !disabled,
  });
  const found: PickedAsset[] = (assets.data?.items ?? []).map((a: Asset) => ({
    id: a.id,
    name: a.name,
    clientId: a.clientId,
    clientName: a.clientName,
  }));
  const all = value && !found.some((a) => a.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      label={label}
      required={required}
      disabled={disabled}
      clearable={clearable}
      placeholder={placeholder}
      searchable
      w={w}
      data-autofocus={autoFocus || undefined}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={all.map((a) => ({ value: a.id, label: labelOf(a) }))}
      value={value?.id ?? null}
      error={error}
      onChange={(id) => onChange(all.find((a) => a.id === id) ?? null)}
      nothingFoundMessage="—"
    />
  );
}

function labelOf(asset: PickedAsset): string {
  return `${asset.name} (${asset.clientName})`;
}

/** Checks of one client as select options (maintenance scoped to a check). */
export function useCheckOptions(clientId: string | null) {
  return useQuery({
    queryKey: ['monitoring-checks', 'options', clientId],
    queryFn: () => checksApi.list({ clientId, limit: 200 }),
    enabled: Boolean(clientId),
    select: (page) => page.items.map((c) => ({ value: c.id, label: `${c.assetName} — ${c.name}` })),
  });
}

/** Whether an asset has an active agent (plugin and service checks run there). */
export function useAssetHasAgent(asset: PickedAsset | null) {
  const agents = useQuery({
    queryKey: ['monitoring-agents', asset?.clientId ?? null],
    queryFn: () => agentsApi.list({ clientId: asset?.clientId }),
    enabled: Boolean(asset),
  });
  return {
    known: agents.isSuccess,
    hasAgent: itemsOf(agents.data).some((a) => a.assetId === asset?.id && a.status === 'active'),
  };
}
