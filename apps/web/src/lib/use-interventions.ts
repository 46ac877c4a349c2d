import { useQuery, useQueryClient } from '@tanstack/react-query';
import { interventionsApi } from '../api/work-endpoints';

/** A ticket's on-site visits, in the order they are scheduled (a ticket has a handful at most). */
export function useInterventions(ticketId: string) {
  return useQuery({
    queryKey: ['interventions', ticketId],
    queryFn: () => interventionsApi.list(ticketId, { limit: 200 }),
    select: (page) => page.items,
  });
}

/**
 * After a visit was planned, cancelled or closed: the visits and the timeline are read again; a closed visit also
 * logged its time on the ticket, hence the entries and the hour bank.
 */
export function useVisitsChanged(ticketId: string, contractId: string | null) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['interventions', ticketId] });
    void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticketId] });
    void queryClient.invalidateQueries({ queryKey: ['time-entries', ticketId] });
    if (contractId) void queryClient.invalidateQueries({ queryKey: ['hour-bank', contractId] });
  };
}
