import { useQueryClient } from '@tanstack/react-query';
import { timeEntriesApi } from '../api/work-endpoints';
import { usePagedList } from './use-paged-list';

/** A ticket's time entries, 200 a page (a ticket rarely has more). */
export function useTimeEntries(ticketId: string) {
  return usePagedList(['time-entries', ticketId], (cursor) => timeEntriesApi.list(ticketId, { cursor, limit: 200 }));
}

/** After time was logged or removed: the entries, the hour bank and the timeline are read again. */
export function useTimeChanged(ticketId: string, contractId: string | null) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['time-entries', ticketId] });
    void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticketId] });
    if (contractId) void queryClient.invalidateQueries({ queryKey: ['hour-bank', contractId] });
  };
}
