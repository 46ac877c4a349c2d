import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { TICKET_QUEUES, TICKET_SORTS, type TicketQueue, type TicketSort } from './enums';

/** Filters kept in the URL as comma-separated lists. */
export const LIST_FILTERS = ['status', 'priority', 'level'] as const;
/** Filters kept in the URL as one value. */
export const SINGLE_FILTERS = ['clientId', 'teamId', 'assigneeId', 'categoryId', 'q'] as const;
/** Every URL parameter of the queue page; a saved view stores exactly these. */
export const TICKET_QUERY_KEYS = ['queue', 'sort', ...LIST_FILTERS, ...SINGLE_FILTERS] as const;

export type ListFilter = (typeof LIST_FILTERS)[number];
export type SingleFilter = (typeof SINGLE_FILTERS)[number];

export interface TicketFilters {
  queue: TicketQueue;
  sort: TicketSort;
  status: string[];
  priority: string[];
  level: string[];
  clientId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  categoryId: string | null;
  q: string;
}

const splitList = (value: string | null) => (value ? value.split(',').filter((v) => v !== '') : []);

/**
 * The queue, sort and filters of the tickets page, read from and written to the URL query, so that a filtered
 * queue can be bookmarked, shared, reloaded and saved as a view. `defaultQueue` applies when the URL names none.
 */
export function useTicketFilters(defaultQueue: TicketQueue) {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<TicketFilters>(() => {
    const queue = params.get('queue');
    const sort = params.get('sort');
    return {
      queue: TICKET_QUEUES.includes(queue as TicketQueue) ? (queue as TicketQueue) : defaultQueue,
      sort: TICKET_SORTS.includes(sort as TicketSort) ? (sort as TicketSort) : 'due',
      status: splitList(params.get('status')),
      priority: splitList(params.get('priority')),
      level: splitList(params.get('level')),
      clientId: params.get('clientId'),
      teamId: params.get('teamId'),
      assigneeId: params.get('assigneeId'),
      categoryId: params.get('categoryId'),
      q: params.get('q') ?? '',
    };
  }, [params, defaultQueue]);

  /** The URL parameters that are set, as the API and saved views take them. */
  const query = useMemo(() => {
    const out: Record<string, string> = { queue: filters.queue };
    for (const key of TICKET_QUERY_KEYS) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params, filters.queue]);

  const update = useCallback(
    (changes: Record<string, string | null>, push = false) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: !push },
      );
    },
    [setParams],
  );

  const setQueue = useCallback((queue: TicketQueue) => update({ queue }, true), [update]);
  const setList = useCallback((key: ListFilter, values: string[]) => update({ [key]: values.join(',') }), [update]);
  const setSingle = useCallback(
    (key: SingleFilter | 'sort', value: string | null) => update({ [key]: value }),
    [update],
  );
  /** Replaces every filter with a saved view's. */
  const apply = useCallback(
    (saved: Record<string, string>) => {
      const next = new URLSearchParams();
      for (const key of TICKET_QUERY_KEYS) if (saved[key]) next.set(key, saved[key]);
      setParams(next);
    },
    [setParams],
  );
  const clear = useCallback(() => setParams({ queue: filters.queue }), [setParams, filters.queue]);
  const filtered = TICKET_QUERY_KEYS.some((key) => key !== 'queue' && key !== 'sort' && params.get(key));

  return { filters, query, filtered, setQueue, setList, setSingle, apply, clear };
}

export type TicketFilterState = ReturnType<typeof useTicketFilters>;
