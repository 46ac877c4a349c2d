import { api, withQuery } from './http';
import type {
  AppNotification,
  AssignInput,
  CallerMatch,
  CommentInput,
  EscalateInput,
  Page,
  PriorityMatrixView,
  RatingInput,
  RejectInput,
  ResolveInput,
  SavedView,
  SavedViewInput,
  StaffMember,
  StatusInput,
  Ticket,
  TicketCategory,
  TicketCategoryInput,
  TicketEvent,
  TicketInput,
  TicketPatch,
  TicketSummary,
} from './types';

type Query = Record<string, string | number | boolean | null | undefined>;

/** The helpdesk: tickets, their actions and timeline (DOMAIN §3). */
export const ticketsApi = {
  list: (query: Query) => api<Page<TicketSummary>>(withQuery('/tickets', query)),
  get: (id: string) => api<Ticket>(`/tickets/${id}`),
  create: (input: TicketInput) => api<Ticket>('/tickets', { method: 'POST', body: input }),
  update: (id: string, patch: TicketPatch) => api<Ticket>(`/tickets/${id}`, { method: 'PATCH', body: patch }),
  assign: (id: string, input: AssignInput) => api<Ticket>(`/tickets/${id}/assign`, { method: 'POST', body: input }),
  take: (id: string) => api<Ticket>(`/tickets/${id}/take`, { method: 'POST' }),
  setStatus: (id: string, input: StatusInput) => api<Ticket>(`/tickets/${id}/status`, { method: 'POST', body: input }),
  escalate: (id: string, input: EscalateInput) =>
    api<Ticket>(`/tickets/${id}/escalate`, { method: 'POST', body: input }),
  resolve: (id: string, input: ResolveInput) => api<Ticket>(`/tickets/${id}/resolve`, { method: 'POST', body: input }),
  confirm: (id: string) => api<Ticket>(`/tickets/${id}/confirm`, { method: 'POST' }),
  reject: (id: string, input: RejectInput) => api<Ticket>(`/tickets/${id}/reject`, { method: 'POST', body: input }),
  rate: (id: string, input: RatingInput) => api<Ticket>(`/tickets/${id}/rating`, { method: 'POST', body: input }),
  merge: (id: string, intoTicketId: string) =>
    api<Ticket>(`/tickets/${id}/merge`, { method: 'POST', body: { intoTicketId } }),
  events: (id: string, query: Query = {}) => api<Page<TicketEvent>>(withQuery(`/tickets/${id}/events`, query)),
  comment: (id: string, input: CommentInput) =>
    api<TicketEvent>(`/tickets/${id}/comments`, { method: 'POST', body: input }),
};

/** The provider's people (any staff member may read it), for assignment pickers and names on timelines. */
export const staffApi = {
  list: () => api<{ items: StaffMember[] }>('/staff'),
};

export const callerLookupApi = {
  search: (q: string) => api<{ items: CallerMatch[] }>(withQuery('/caller-lookup', { q })),
};

export const ticketCategoriesApi = {
  list: () => api<Page<TicketCategory> | { items: TicketCategory[] }>('/ticket-categories'),
  create: (input: TicketCategoryInput) => api<TicketCategory>('/ticket-categories', { method: 'POST', body: input }),
  update: (id: string, input: Partial<TicketCategoryInput>) =>
    api<TicketCategory>(`/ticket-categories/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`/ticket-categories/${id}`, { method: 'DELETE' }),
};

export const priorityMatrixApi = {
  get: () => api<PriorityMatrixView>('/settings/priority-matrix'),
  put: (view: PriorityMatrixView) =>
    api<PriorityMatrixView>('/settings/priority-matrix', { method: 'PUT', body: view }),
};

export const ticketViewsApi = {
  list: () => api<Page<SavedView> | { items: SavedView[] }>('/ticket-views'),
  create: (input: SavedViewInput) => api<SavedView>('/ticket-views', { method: 'POST', body: input }),
  remove: (id: string) => api<void>(`/ticket-views/${id}`, { method: 'DELETE' }),
};

export const notificationsApi = {
  list: (query: Query = {}) => api<Page<AppNotification>>(withQuery('/notifications', query)),
  markRead: (id: string) => api<void>(`/notifications/${id}/read`, { method: 'POST' }),
};
