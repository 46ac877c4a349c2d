import { useQuery } from '@tanstack/react-query';
import { sitesApi } from '../api/endpoints';

/** Up to 200 sites of a client, for selects. */
export function useClientSites(clientId: string | null) {
  return useQuery({
    queryKey: ['sites', clientId, 'options'],
    queryFn: () => sitesApi.list(clientId ?? '', { limit: 200 }),
    enabled: Boolean(clientId),
    select: (page) => page.items.map((site) => ({ value: site.id, label: site.name })),
  });
}
