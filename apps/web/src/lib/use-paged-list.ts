import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../api/types';

/**
 * A `{ items, nextCursor }` list read page by page ("Load more"); `refetchInterval` (ms) re-reads the loaded pages
 * on a timer, for queues that must show new items and moving deadlines without a reload.
 */
export function usePagedList<T>(
  queryKey: readonly unknown[],
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  enabled = true,
  refetchInterval?: number,
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    refetchInterval,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}
