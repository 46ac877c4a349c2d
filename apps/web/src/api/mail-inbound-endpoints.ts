import type {
  InboundMail,
  InboundMailAssignInput,
  InboundMailStatus,
  InboundMailSummary,
  Page,
} from '@vigie/contracts';
import { api, withQuery } from './http';

export type { InboundMail, InboundMailStatus, InboundMailSummary } from '@vigie/contracts';

/** Inbound mail (staff): the triage and quarantine queues, and what is done with a message. */
export const mailInboundApi = {
  list: (status: InboundMailStatus, cursor?: string) =>
    api<Page<InboundMailSummary>>(withQuery('/mail/inbound', { status, cursor })),
  get: (id: string) => api<InboundMail>(`/mail/inbound/${id}`),
  reinject: (id: string) => api<InboundMail>(`/mail/inbound/${id}/reinject`, { method: 'POST' }),
  discard: (id: string) => api<InboundMail>(`/mail/inbound/${id}/discard`, { method: 'POST' }),
  assign: (id: string, input: InboundMailAssignInput) =>
    api<InboundMail>(`/mail/inbound/${id}/assign`, { method: 'POST', body: input }),
  rawUrl: (id: string) => `/api/v1/mail/inbound/${id}/raw`,
};
