import type {
  Attachment,
  InvitationInfo,
  KbArticleSummary,
  PasswordLinkCompletion,
  SessionInfo,
} from '@vigie/contracts';
import { api, withQuery } from './http';

/** Files of a ticket: listed, uploaded after the ticket exists (multipart `file` parts), downloaded by their `url`. */
export const attachmentsApi = {
  list: (ticketId: string) => api<{ items: Attachment[] }>(`/tickets/${ticketId}/attachments`),
  upload: (ticketId: string, files: readonly File[]) => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    return api<{ items: Attachment[] }>(`/tickets/${ticketId}/attachments`, { method: 'POST', form });
  },
};

/** Knowledge-base articles for a ticket still being typed (any significant word; public ones for client people). */
export const kbSuggestApi = {
  forText: (clientId: string, text: string) =>
    api<{ items: KbArticleSummary[] }>(withQuery('/kb/suggestions', { clientId, text })),
};

/** Password reset and first-login invitation: the links sent by mail (no session needed). */
export const passwordLinksApi = {
  requestReset: (email: string) =>
    api<{ message: string }>('/auth/password-reset', { method: 'POST', body: { email }, allowUnauthorized: true }),
  completeReset: (input: PasswordLinkCompletion) =>
    api<void>('/auth/password-reset/complete', { method: 'POST', body: input, allowUnauthorized: true }),
  invitation: (token: string) =>
    api<InvitationInfo>(withQuery('/auth/invitation', { token }), { allowUnauthorized: true }),
  acceptInvitation: (input: PasswordLinkCompletion) =>
    api<SessionInfo>('/auth/invitation/accept', { method: 'POST', body: input, allowUnauthorized: true }),
};
