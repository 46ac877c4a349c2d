import { api, withQuery } from './http';
import type { Page } from './types';
import type {
  HourBankUsage,
  Intervention,
  InterventionInput,
  InterventionReportInput,
  TimeEntry,
  TimeEntryInput,
} from './work-types';

type Query = Record<string, string | number | boolean | null | undefined>;

/** Time spent on a ticket, billable or covered by the contract (DOMAIN §3 "Time"). */
export const timeEntriesApi = {
  list: (ticketId: string, query: Query = {}) =>
    api<Page<TimeEntry>>(withQuery(`/tickets/${ticketId}/time-entries`, query)),
  create: (ticketId: string, input: TimeEntryInput) =>
    api<TimeEntry>(`/tickets/${ticketId}/time-entries`, { method: 'POST', body: input }),
  remove: (id: string) => api<void>(`/time-entries/${id}`, { method: 'DELETE' }),
};

/** The current period of a contract's prepaid hours (404 when the contract has none). */
export const hourBankApi = {
  usage: (contractId: string) => api<HourBankUsage>(`/contracts/${contractId}/hour-bank`),
};

/** On-site visits of onsite and hybrid contracts, closed with a signed report. */
export const interventionsApi = {
  list: (ticketId: string, query: Query = {}) =>
    api<Page<Intervention>>(withQuery(`/tickets/${ticketId}/interventions`, query)),
  create: (ticketId: string, input: InterventionInput) =>
    api<Intervention>(`/tickets/${ticketId}/interventions`, { method: 'POST', body: input }),
  cancel: (id: string) => api<Intervention>(`/interventions/${id}/cancel`, { method: 'POST' }),
  report: (id: string, input: InterventionReportInput) =>
    api<Intervention>(`/interventions/${id}/report`, { method: 'POST', body: input }),
  /** The signed report, downloaded by the browser with the session cookie (a plain link). */
  pdfUrl: (id: string) => `/api/v1/interventions/${id}/report.pdf`,
};
