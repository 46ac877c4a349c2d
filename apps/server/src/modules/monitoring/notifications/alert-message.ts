/**
 * What every notification says about an alert, whatever carries it (mail, Vigie's JSON, Slack, Teams): built once
 * from the claimed delivery so the formats cannot disagree.
 */
import { ticketReference } from '@vigie/domain';
import type { ClaimedDelivery } from './notification-deliveries.repository.js';

export type AlertEvent = 'opened' | 'severity' | 'resolved' | 'repeat';

export interface AlertMessage {
  deliveryId: string;
  event: AlertEvent;
  repeatNo: number;
  alert: {
    id: string;
    number: number;
    kind: string;
    status: string;
    severity: string;
    summary: string;
    openedAt: string;
    resolvedAt: string | null;
    durationSeconds: number | null;
  };
  asset: { id: string; name: string };
  client: { id: string; name: string };
  check: { id: string; name: string; kind: string };
  ticket: { id: string; reference: string } | null;
  url: string;
}

const iso = (value: string) => new Date(value).toISOString();

/** The message of one delivery; `publicUrl` is the console's base (links to the alert). */
export function alertMessageOf(d: ClaimedDelivery, publicUrl: string): AlertMessage {
  const openedAt = iso(d.opened_at);
  const resolvedAt = d.resolved_at ? iso(d.resolved_at) : null;
  return {
    deliveryId: d.id,
    event: d.event as AlertEvent,
    repeatNo: d.repeat_no,
    alert: {
      id: d.alert_id,
      number: d.alert_number,
      kind: d.alert_kind,
      status: d.alert_status,
      severity: d.severity,
      summary: d.summary,
      openedAt,
      resolvedAt,
      durationSeconds: resolvedAt ? Math.round((Date.parse(resolvedAt) - Date.parse(openedAt)) / 1000) : null,
    },
    asset: { id: d.asset_id, name: d.asset_name },
    client: { id: d.client_id, name: d.client_name },
    check: { id: d.check_id, name: d.check_name, kind: d.check_kind },
    ticket:
      d.ticket_id && d.ticket_number !== null ? { id: d.ticket_id, reference: ticketReference(d.ticket_number) } : null,
    url: `${publicUrl}/monitoring/alerts/${d.alert_id}`,
  };
}

/** "2 h 05 min", "3 min", "45 s": how long an alert lasted, for people. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The heading word of a message: RESOLVED once over, else the severity. */
export function headline(m: AlertMessage): string {
  return m.event === 'resolved' ? 'RESOLVED' : m.alert.severity.toUpperCase();
}
