import { useQuery } from '@tanstack/react-query';
import { contractsApi } from '../api/endpoints';
import type { Ticket } from '../api/types';
import { canRead } from '../auth/permissions';
import { useMe } from '../auth/session-context';

/** The contract a ticket is worked under (delivery mode, hour bank), for those who may read contracts. */
export function useTicketContract(ticket: Pick<Ticket, 'contract'>) {
  const me = useMe();
  const contractId = ticket.contract?.id ?? null;
  return useQuery({
    queryKey: ['contract', contractId],
    queryFn: () => contractsApi.get(contractId ?? ''),
    enabled: contractId !== null && canRead(me, 'contract'),
  });
}
