import type { AlertDetail, AlertSummary, BoardSummary, Page } from '@vigie/contracts';
import { api, withQuery } from './http';

export type { AlertDetail, AlertSeverity, AlertSummary, BoardEvent, BoardSummary } from '@vigie/contracts';

/** The alert list's filters as the API takes them (GET /monitoring/alerts). */
export interface AlertQuery {
  status: 'open' | 'resolved' | 'all';
  clientId?: string | null;
  severity?: string | null;
  acknowledged?: 'yes' | 'no' | null;
  q?: string | null;
}

/** The live alert board: its figures, the alerts, one alert's timeline, acknowledging and noting. */
export const boardApi = {
  summary: () => api<BoardSummary>('/monitoring/board'),
  alerts: (query: AlertQuery & { cursor?: string; limit?: number }) =>
    api<Page<AlertSummary>>(withQuery('/monitoring/alerts', { ...query })),
  alert: (id: string) => api<AlertDetail>(`/monitoring/alerts/${id}`),
  acknowledge: (id: string, comment?: string) =>
    api<AlertDetail>(`/monitoring/alerts/${id}/acknowledge`, { method: 'POST', body: comment ? { comment } : {} }),
  note: (id: string, body: string) =>
    api<AlertDetail>(`/monitoring/alerts/${id}/notes`, { method: 'POST', body: { body } }),
};

/** The server-sent event stream of the board (cookie session). */
export const BOARD_STREAM_URL = '/api/v1/monitoring/stream';

/** Query keys of the board's caches: the stream and the mutations update them in place. */
export const boardKeys = {
  summary: ['monitoring-board', 'summary'] as const,
  alerts: ['monitoring-board', 'alerts'] as const,
  alertList: (query: AlertQuery) => ['monitoring-board', 'alerts', query] as const,
  alert: (id: string | null) => ['monitoring-board', 'alert', id] as const,
};
