import { useQuery } from '@tanstack/react-query';
import { hourBankApi } from '../api/work-endpoints';

/** The current period of a contract's hour bank; `contractId` null (or a contract without a bank) reads nothing. */
export function useHourBank(contractId: string | null) {
  return useQuery({
    queryKey: ['hour-bank', contractId],
    queryFn: () => hourBankApi.usage(contractId ?? ''),
    enabled: contractId !== null,
  });
}
