import type { Ticket } from '../api/types';
import { useInterventions } from './use-interventions';
import { useTicketContract } from './use-ticket-contract';

/** Whether the contract is delivered on site (onsite or hybrid): only then may visits be planned. */
export function useOnsiteContract(ticket: Pick<Ticket, 'contract'>): boolean {
  const contract = useTicketContract(ticket);
  const delivery = contract.data?.delivery;
  return delivery === 'onsite' || delivery === 'hybrid';
}

/** Visits matter on a ticket under an on-site contract, or one that already has visits (for those who cannot read contracts). */
export function useVisitsRelevant(ticket: Pick<Ticket, 'id' | 'contract'>): boolean {
  const onsite = useOnsiteContract(ticket);
  const visits = useInterventions(ticket.id);
  return onsite || (visits.data?.length ?? 0) > 0;
}
