import { useQuery } from '@tanstack/react-query';
import { priorityMatrixApi } from '../api/ticket-endpoints';
import type { Priority, Severity } from './enums';

/** The provider's impact × urgency matrix (rarely changes: cached for five minutes). */
export function usePriorityMatrix() {
  return useQuery({ queryKey: ['priority-matrix'], queryFn: priorityMatrixApi.get, staleTime: 5 * 60_000 });
}

/** The priority the matrix gives (rows impact 1…4, columns urgency 1…4), or null while it is not loaded. */
export function priorityOf(matrix: readonly (readonly Priority[])[] | undefined, impact: Severity, urgency: Severity) {
  return matrix?.[impact - 1]?.[urgency - 1] ?? null;
}
