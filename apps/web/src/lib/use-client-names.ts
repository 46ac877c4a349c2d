import { useClientOptions } from './use-lookups';

/** "CODE — Name" of the clients the caller reaches, by id (articles and lists record only ids). */
export function useClientNames(enabled = true): (clientId: string | null) => string | undefined {
  const clients = useClientOptions(enabled);
  const names = new Map((clients.data ?? []).map((option) => [option.value, option.label]));
  return (clientId) => (clientId ? names.get(clientId) : undefined);
}
