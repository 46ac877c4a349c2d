import { auditApi } from '../api/endpoints';
import { usePagedList } from '../lib/use-paged-list';
import { AuditTable } from './audit-table';
import { LoadMore } from './load-more';
import { QueryState } from './query-state';

export function ClientAuditTab({ clientId }: { clientId: string }) {
  const list = usePagedList(['audit', { clientId }], (cursor) => auditApi.list({ clientId, cursor }));
  return (
    <>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && <AuditTable events={list.items} showClient={false} />}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </>
  );
}
