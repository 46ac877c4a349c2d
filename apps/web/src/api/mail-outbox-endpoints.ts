import type {
  MailDigestInput,
  MailDigestSetting,
  OutboundMail,
  OutboundMailSummary,
  Page,
  TicketMailList,
} from '@vigie/contracts';
import { api, withQuery } from './http';

export type { MailDigestSetting, OutboundMail, OutboundMailSummary, TicketMail } from '@vigie/contracts';

type Query = Record<string, string | number | boolean | null | undefined>;

/** The outbound mail log (staff), a ticket's mail in both directions, and one's own daily digest. */
export const mailOutboxApi = {
  list: (query: Query) => api<Page<OutboundMailSummary>>(withQuery('/mail/outbound', query)),
  get: (id: string) => api<OutboundMail>(`/mail/outbound/${id}`),
  retry: (id: string) => api<OutboundMail>(`/mail/outbound/${id}/retry`, { method: 'POST' }),
  ofTicket: (ticketId: string) => api<TicketMailList>(`/tickets/${ticketId}/mails`),
};

export const mailDigestApi = {
  get: () => api<MailDigestSetting>('/me/mail-digest'),
  set: (input: Partial<MailDigestInput> & { enabled: boolean }) =>
    api<MailDigestSetting>('/me/mail-digest', { method: 'PUT', body: input }),
};
