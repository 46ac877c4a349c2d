import type { AssetSummary, Ticket, TicketSummary } from '@vigie/contracts';
import { isHeldInHouse, type SupportLevel, ticketReference } from '@vigie/domain';
import { fromJson } from '../../db/dialect.js';
import { NO_DEADLINE } from '../../db/schema.js';
import { presentSla } from './sla-storage.js';
import type { TicketSummaryRow, TicketWithNames } from './tickets.repository.js';

const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function presentSummary(row: TicketSummaryRow): TicketSummary {
  return {
    id: row.id,
    number: Number(row.number),
    reference: ticketReference(Number(row.number)),
    clientId: row.client_id,
    clientCode: row.client_code,
    clientName: row.client_name,
    title: row.title,
    type: row.type as TicketSummary['type'],
    status: row.status as TicketSummary['status'],
    pendingReason: row.pending_reason as TicketSummary['pendingReason'],
    priority: row.priority as TicketSummary['priority'],
    supportLevel: row.support_level as SupportLevel,
    source: row.source as TicketSummary['source'],
    team: ref(row.team_id, row.team_name),
    assignee: ref(row.assignee_id, row.assignee_name),
    requesterName: row.requester_name,
    outOfScope: row.out_of_scope === 1,
    heldInHouse: isHeldInHouse(row.support_level as SupportLevel, row.entry_level as SupportLevel),
    dueAt: row.due_at === NO_DEADLINE ? null : row.due_at,
    sla: presentSla(row.sla, row.client_time_zone),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What a ticket page shows beyond the list row, looked up by the service. */
export interface TicketDetails {
  category: { id: string; name: string } | null;
  contract: { id: string; reference: string; name: string } | null;
  requester: Ticket['requester'];
  assets: AssetSummary[];
  numbers: Map<string, number>;
}

interface StoredSolution {
  kind: 'solution' | 'workaround';
  text: string;
  cause: string | null;
  at: string;
}

export interface StoredManagerEscalation {
  managerId: string | null;
  managerName: string | null;
  reason: string;
  at: string;
}

export function presentTicket(row: TicketWithNames, details: TicketDetails): Ticket {
  const link = (id: string | null) => {
    const number = id ? details.numbers.get(id) : undefined;
    return id && number !== undefined ? { id, reference: ticketReference(number) } : null;
  };
  const escalation = row.manager_escalation ? fromJson<StoredManagerEscalation>(row.manager_escalation) : null;
  return {
    ...presentSummary(row),
    description: row.description,
    impact: row.impact as Ticket['impact'],
    urgency: row.urgency as Ticket['urgency'],
    category: details.category,
    contract: details.contract,
    requester: details.requester,
    assets: details.assets,
    entryLevel: row.entry_level as SupportLevel,
    levelsDelivered: fromJson<SupportLevel[]>(row.levels_delivered),
    solution: row.solution ? fromJson<StoredSolution>(row.solution) : null,
    followUpTicket: link(row.follow_up_ticket_id),
    parentTicket: link(row.parent_ticket_id),
    mergedInto: link(row.merged_into_id),
    managerEscalation: escalation
      ? {
          manager: ref(escalation.managerId, escalation.managerName),
          reason: escalation.reason,
          at: escalation.at,
        }
      : null,
    satisfaction:
      row.satisfaction_rating === null ? null : { rating: row.satisfaction_rating, comment: row.satisfaction_comment },
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    closeCause: row.close_cause as Ticket['closeCause'],
    autoCloseAt: row.auto_close_at,
    takenAt: row.taken_at,
  };
}
