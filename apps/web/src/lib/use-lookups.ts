import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { assetsApi, clientsApi, contactsApi } from '../api/endpoints';
import { api } from '../api/http';
import type { Page, Vendor } from '../api/types';

/** Asset types with their typed attributes (rarely changes: cached for the session). */
export function useAssetTypes() {
  return useQuery({ queryKey: ['asset-types'], queryFn: assetsApi.types, staleTime: Number.POSITIVE_INFINITY });
}

/** Up to 200 clients as select options, "CODE — Name". */
export function useClientOptions(enabled = true) {
  return useQuery({
    queryKey: ['clients', 'options'],
    queryFn: () => clientsApi.list({ limit: 200 }),
    enabled,
    select: (page) => page.items.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` })),
  });
}

export function useContactOptions(clientId: string | null) {
  return useQuery({
    queryKey: ['contacts', clientId, 'options'],
    queryFn: () => contactsApi.list(clientId ?? '', { limit: 200 }),
    enabled: Boolean(clientId),
    select: (page) =>
      page.items.map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}`.trim() || (c.email ?? c.id) })),
  });
}

export function useVendorOptions() {
  return useQuery({
    queryKey: ['vendors', 'options'],
    queryFn: () => api<Page<Vendor>>('/vendors?limit=200'),
    select: (page) => page.items.map((v) => ({ value: v.id, label: v.name })),
  });
}

/** Label of a typed attribute key (hostname, ip_address…), the key itself when no translation exists. */
export function useAttributeLabel() {
  const { t, i18n } = useTranslation();
  return (key: string) => (i18n.exists(`attributes.${key}`) ? t(`attributes.${key}` as 'attributes.hostname') : key);
}
