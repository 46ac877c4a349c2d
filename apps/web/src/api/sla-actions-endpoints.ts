import type { SlaActions } from '@vigie/contracts';
import { api } from './http';

/** What the SLA milestones set off (warning, breach, OLA breach); read by staff, written by managers. */
export const slaActionsApi = {
  get: () => api<SlaActions>('/settings/sla-actions'),
  put: (actions: SlaActions) => api<SlaActions>('/settings/sla-actions', { method: 'PUT', body: actions }),
};
