import type { AlertSummary } from '@vigie/contracts';
import { ticketReference } from '@vigie/domain';
import type { AlertWithNames } from './alerts.repository.js';

/** An alert as the board lists it, with its ticket's reference and state. */
export function presentAlert(row: AlertWithNames): AlertSummary {
  return {
    id: row.id,
    number: row.number,
    clientId: row.client_id,
    clientName: row.client_name,
    assetId: row.asset_id,
    assetName: row.asset_name,
    checkId: row.check_id,
    checkName: row.check_name,
    kind: row.kind === 'flapping' ? 'flapping' : 'problem',
    status: row.status === 'resolved' ? 'resolved' : 'open',
    severity: row.severity as AlertSummary['severity'],
    summary: row.summary,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    durationMs: row.resolved_at ? new Date(row.resolved_at).getTime() - new Date(row.opened_at).getTime() : null,
    ticket:
      row.ticket_id && row.ticket_number !== null
        ? {
            id: row.ticket_id,
            number: Number(row.ticket_number),
            reference: ticketReference(Number(row.ticket_number)),
            status: row.ticket_status ?? 'new',
          }
        : null,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by_name ?? null,
  };
}
