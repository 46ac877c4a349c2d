import { type InfiniteData, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  type AlertQuery,
  type AlertSummary,
  BOARD_STREAM_URL,
  type BoardEvent,
  boardKeys,
} from '../api/monitoring-board-endpoints';
import type { Page } from '../api/types';

type AlertPages = InfiniteData<Page<AlertSummary>, string | undefined>;

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/** How long a new critical alert stays highlighted on the board. */
export const HIGHLIGHT_MS = 6_000;
/** At most one summary refetch per this period, however many events arrive. */
const SUMMARY_THROTTLE_MS = 1_000;
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/** Whether an alert belongs to a list read with these filters (the server's own rules, text search approximated). */
export function alertMatches(alert: AlertSummary, query: AlertQuery): boolean {
  if (query.status !== 'all' && alert.status !== query.status) return false;
  if (query.clientId && alert.clientId !== query.clientId) return false;
  if (query.severity && alert.severity !== query.severity) return false;
  if (query.acknowledged === 'yes' && alert.acknowledgedAt === null) return false;
  if (query.acknowledged === 'no' && alert.acknowledgedAt !== null) return false;
  const q = query.q?.trim().toLowerCase();
  if (q) {
    const text = [alert.summary, alert.assetName, alert.checkName, alert.clientName, `#${alert.number}`]
      .concat(alert.ticket ? [alert.ticket.reference] : [])
      .join(' ')
      .toLowerCase();
    if (!text.includes(q)) return false;
  }
  return true;
}

/**
 * Puts a changed alert into every cached alert list: replaced where it is, added to the lists it now matches,
 * removed from those it no longer matches (a resolved alert leaves the open board). Returns the version the cache
 * held before, if any.
 */
export function applyAlert(queryClient: QueryClient, alert: AlertSummary): AlertSummary | undefined {
  let previous: AlertSummary | undefined;
  for (const [key, data] of queryClient.getQueriesData<AlertPages>({ queryKey: boardKeys.alerts })) {
    if (!data) continue;
    const query = key[2] as AlertQuery;
    const found = data.pages.flatMap((p) => p.items).find((i) => i.id === alert.id);
    previous ??= found;
    const keep = alertMatches(alert, query);
    if (!found && !keep) continue;
    const pages = found
      ? data.pages.map((p) => ({
          ...p,
          items: keep ? p.items.map((i) => (i.id === alert.id ? alert : i)) : p.items.filter((i) => i.id !== alert.id),
        }))
      : data.pages.map((p, index) => (index === 0 ? { ...p, items: [alert, ...p.items] } : p));
    queryClient.setQueryData<AlertPages>(key, { ...data, pages });
  }
  return previous;
}

/** A new critical alert, or one that just became critical. */
const isNewCritical = (alert: AlertSummary, previous: AlertSummary | undefined) =>
  alert.status === 'open' &&
  alert.severity === 'critical' &&
  (previous?.status !== 'open' || previous.severity !== 'critical');

/**
 * The board's live feed: one EventSource on GET /monitoring/stream that writes each alert change into the cached
 * lists (no refetch), refreshes the summary at most once a second, and highlights new critical alerts for a few
 * seconds. EventSource reconnects by itself after a network drop; a refused stream (it closes for good) is opened
 * again with a growing delay. Each (re)connection re-reads the lists, since events may have been missed meanwhile.
 */
export function useBoardStream(): { state: StreamState; highlighted: ReadonlySet<string> } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(() => new Set());

  useEffect(() => {
    let source: EventSource | null = null;
    let stopped = false;
    let retryDelay = RETRY_FIRST_MS;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let summaryTimer: ReturnType<typeof setTimeout> | undefined;
    const highlightTimers = new Set<ReturnType<typeof setTimeout>>();

    const refreshSummary = () => {
      if (summaryTimer) return;
      summaryTimer = setTimeout(() => {
        summaryTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: boardKeys.summary });
      }, SUMMARY_THROTTLE_MS);
    };
    const highlight = (id: string) => {
      setHighlighted((current) => new Set(current).add(id));
      const timer = setTimeout(() => {
        highlightTimers.delete(timer);
        setHighlighted((current) => {
          const next = new Set(current);
          next.delete(id);
          return next;
        });
      }, HIGHLIGHT_MS);
      highlightTimers.add(timer);
    };
    const onEvent = (event: BoardEvent) => {
      if (event.type === 'alert') {
        const previous = applyAlert(queryClient, event.alert);
        void queryClient.invalidateQueries({ queryKey: boardKeys.alert(event.alert.id), exact: true });
        // the alert's ticket may have changed with it (opened, noted, resolved on recovery): not fresh any more
        const ticketId = event.alert.ticket?.id;
        if (ticketId) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes(ticketId) });
        if (isNewCritical(event.alert, previous)) highlight(event.alert.id);
      }
      refreshSummary();
    };

    const connect = () => {
      const current = new EventSource(BOARD_STREAM_URL);
      source = current;
      current.onopen = () => {
        setState('live');
        retryDelay = RETRY_FIRST_MS;
        void queryClient.invalidateQueries({ queryKey: boardKeys.alerts });
        refreshSummary();
      };
      current.onerror = () => {
        setState('reconnecting');
        if (current.readyState !== EventSource.CLOSED || stopped) return;
        retryTimer = setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
      };
      const onMessage = (message: MessageEvent<string>) => {
        try {
          onEvent(JSON.parse(message.data) as BoardEvent);
        } catch {
          // a message that is not a board event: ignored
        }
      };
      // the server names its events after their type (`event: alert`); unnamed ones arrive as "message"
      for (const name of ['message', 'alert', 'check']) current.addEventListener(name, onMessage);
    };
    connect();

    return () => {
      stopped = true;
      source?.close();
      clearTimeout(retryTimer);
      clearTimeout(summaryTimer);
      for (const timer of highlightTimers) clearTimeout(timer);
    };
  }, [queryClient]);

  return { state, highlighted };
}
