import type { SlaReport, SlaReportSent } from '@vigie/contracts';
import { api, withQuery } from './http';

export type { SlaBreach, SlaReport, SlaReportSent } from '@vigie/contracts';

const base = (clientId: string) => `/clients/${clientId}/reports/sla`;

/** The monthly SLA report of a client: figures as JSON, the same as CSV and PDF files, and the mail to its managers. */
export const reportsApi = {
  get: (clientId: string, month: string | null) => api<SlaReport>(withQuery(base(clientId), { month })),
  /** Downloaded by the browser with the session cookie (plain links). */
  csvUrl: (clientId: string, month: string, lang: string) => withQuery(`/api/v1${base(clientId)}.csv`, { month, lang }),
  pdfUrl: (clientId: string, month: string, lang: string) => withQuery(`/api/v1${base(clientId)}.pdf`, { month, lang }),
  send: (clientId: string, month: string) =>
    api<SlaReportSent>(`${base(clientId)}/send`, { method: 'POST', body: { month } }),
};
