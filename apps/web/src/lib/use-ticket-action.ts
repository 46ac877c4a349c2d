import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { notifyError } from './errors';

/**
 * One write on a ticket (take, assign, resolve…): the answer replaces the cached ticket at once, and the queues and
 * the timeline are read again. Errors become a notification unless `onError` handles them (dialogs show them inline).
 */
export function useTicketAction<Args = void>(
  ticketId: string,
  run: (args: Args) => Promise<Ticket>,
  options: { onSuccess?: (ticket: Ticket) => void; onError?: (error: unknown) => void } = {},
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (ticket) => {
      // a merge answers the ticket merged into: cache it under its own id and read this one again
      queryClient.setQueryData(['ticket', ticket.id], ticket);
      if (ticket.id !== ticketId) void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      options.onSuccess?.(ticket);
    },
    onError: options.onError ?? ((error) => notifyError(t, error)),
  });
}
