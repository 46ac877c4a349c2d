/**
 * SLA milestones (DOMAIN §4): warning and breach of each clock fire once — the `sla_milestones` primary key is the
 * guarantee, whichever process or request gets there first — and set off the configured actions.
 */
import type { SlaAction, SlaActions } from '@vigie/contracts';
import {
  changeSlaLevel,
  dueMilestones,
  type MilestoneDue,
  markFired,
  type Priority,
  type SupportLevel,
  type TicketStatus,
} from '@vigie/domain';
import type { Db } from '../../db/connection.js';
import { fromJson } from '../../db/dialect.js';
import { moveTo, type TicketDraft } from './ticket-draft.js';
import { activeManagerIds, activeTeamMemberIds, setting, teamServesClient } from './ticket-lookups.repository.js';
import { recordMilestone } from './tickets.repository.js';

export const SLA_ACTIONS_KEY = 'sla_actions';

export function defaultSlaActions(): SlaActions {
  return {
    warning: [{ type: 'notify', to: 'assignee' }],
    breach: [
      { type: 'notify', to: 'assignee' },
      { type: 'notify', to: 'managers' },
    ],
    olaBreach: [{ type: 'raise_level' }, { type: 'notify', to: 'team' }],
  };
}

export async function slaActions(db: Db): Promise<SlaActions> {
  return (await setting<SlaActions>(db, SLA_ACTIONS_KEY)) ?? defaultSlaActions();
}

/** Fires every milestone due at the draft's instant that no one fired yet; returns those this call fired. */
export async function fireDueMilestones(db: Db, draft: TicketDraft): Promise<MilestoneDue[]> {
  if (!draft.sla || !draft.terms || draft.row.status === 'closed') return [];
  const due = dueMilestones(draft.sla, draft.terms, draft.row.priority as Priority, draft.now);
  if (due.length === 0) return [];
  draft.sla = markFired(draft.sla, due);
  const fired: MilestoneDue[] = [];
  for (const milestone of due) {
    const first = await recordMilestone(db, {
      ticket_id: draft.row.id,
      clock: milestone.clock,
      milestone: milestone.milestone,
      client_id: draft.row.client_id,
      fired_at: draft.now.toISOString(),
      due_at: milestone.dueAt.toISOString(),
    });
    if (first) fired.push(milestone);
  }
  if (fired.length === 0) return [];
  const actions = await slaActions(db);
  for (const milestone of fired) {
    draft.events.push({
      kind: 'sla',
      bySystem: true,
      data: { clock: milestone.clock, milestone: milestone.milestone, dueAt: milestone.dueAt.toISOString() },
    });
    const list =
      milestone.milestone === 'warning'
        ? actions.warning
        : milestone.clock.startsWith('ola')
          ? actions.olaBreach
          : actions.breach;
    const notified = new Set<string>();
    for (const action of list) {
      if (action.type === 'notify') for (const id of await recipients(db, draft, action.to)) notified.add(id);
      else await runAction(db, draft, milestone, action);
    }
    const kind = `sla.${milestone.clock.split(':')[0]}.${milestone.milestone}`;
    draft.notifications.push({ userIds: [...notified], kind, text: draft.row.title, bySystem: true });
  }
  return fired;
}

/** The actions that change the ticket; notifications are gathered by the caller, one per person. */
async function runAction(
  db: Db,
  draft: TicketDraft,
  milestone: MilestoneDue,
  action: Exclude<SlaAction, { type: 'notify' }>,
): Promise<void> {
  if (action.type === 'raise_level') raiseLevel(draft, milestone);
  // A team that does not serve the client would neither see nor work the ticket: it stays where it is.
  else if (await teamServesClient(db, action.teamId, draft.row.client_id)) reassign(draft, action.teamId);
}

async function recipients(db: Db, draft: TicketDraft, to: 'assignee' | 'team' | 'managers'): Promise<string[]> {
  const { assignee_id, team_id } = draft.row;
  if (to === 'assignee' && assignee_id) return [assignee_id];
  if (to === 'managers') return activeManagerIds(db);
  return team_id ? activeTeamMemberIds(db, team_id) : activeManagerIds(db);
}

/** The level held the ticket past its OLA: up to the next level the contract delivers, when there is one. */
function raiseLevel(draft: TicketDraft, milestone: MilestoneDue): void {
  const delivered = fromJson<SupportLevel[]>(draft.row.levels_delivered);
  const from = draft.row.support_level as SupportLevel;
  const to = delivered.filter((level) => level > from).sort()[0];
  if (!to) return;
  draft.row.support_level = to;
  if (draft.sla && draft.terms) draft.sla = changeSlaLevel(draft.sla, draft.terms, to, draft.now);
  draft.events.push({
    kind: 'level',
    bySystem: true,
    body: `OLA of N${from} overrun: raised to N${to} automatically`,
    data: { from, to, cause: milestone.clock },
  });
}

function reassign(draft: TicketDraft, teamId: string): void {
  const status = draft.row.status as TicketStatus;
  draft.row.team_id = teamId;
  draft.row.assignee_id = null;
  if (status === 'new' || status === 'in_progress') moveTo(draft, 'assigned', { assignee: { kind: 'team' } });
  draft.events.push({ kind: 'assignment', bySystem: true, data: { teamId, assigneeId: null, cause: 'sla' } });
}
