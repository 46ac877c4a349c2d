import type { TFunction } from 'i18next';
import type { TicketEvent } from '../api/types';
import { PENDING_REASONS, type PendingReason, TICKET_STATUSES, type TicketStatus } from './enums';
import { formatInstant } from './format-instant';

/** Names of the teams and people an event refers to by id (what the reader may know). */
export type NameLookup = (id: string) => string | undefined;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const isStatus = (value: unknown): value is TicketStatus => TICKET_STATUSES.includes(value as TicketStatus);
const isReason = (value: unknown): value is PendingReason => PENDING_REASONS.includes(value as PendingReason);

/**
 * One line saying what an event did ("status: New → In progress", "escalated N1 → N2"), in the reader's language;
 * the event's body (reply, note, diagnosis, solution) is shown under it by the timeline.
 */
export function describeTicketEvent(t: TFunction, event: TicketEvent, nameOf: NameLookup): string {
  const d = event.data;
  switch (event.kind) {
    case 'created':
      return text(d.parentId) ? t('timeline.createdFollowUp') : t('timeline.created');
    case 'status': {
      const from = isStatus(d.from) ? t(`ticketStatus.${d.from}`) : '?';
      const to = isStatus(d.to) ? t(`ticketStatus.${d.to}`) : '?';
      const reason =
        d.to === 'pending' && isReason(d.pendingReason) ? ` · ${t(`pendingReason.${d.pendingReason}`)}` : '';
      return `${t('timeline.status', { from, to })}${reason}`;
    }
    case 'assignment': {
      const team = text(d.teamId) ? (nameOf(d.teamId as string) ?? t('timeline.aTeam')) : null;
      const person = text(d.assigneeId) ? (nameOf(d.assigneeId as string) ?? t('timeline.someone')) : null;
      const holder = [team, person].filter(Boolean).join(' / ') || t('tickets.nobody');
      return d.cause === 'sla' ? t('timeline.assignedBySla', { holder }) : t('timeline.assigned', { holder });
    }
    case 'level':
      return t('timeline.level', { from: d.from, to: d.to });
    case 'escalation':
      return d.kind === 'hierarchical'
        ? t('timeline.managerIn', {
            manager: (text(d.managerId) && nameOf(d.managerId as string)) || t('timeline.managers'),
          })
        : t('timeline.escalated', { from: d.from, to: d.to });
    case 'priority':
      return t('timeline.priority', { from: d.from, to: d.to });
    case 'solution':
      return d.kind === 'workaround' ? t('timeline.workaround') : t('timeline.solution');
    case 'rejection':
      return d.onBehalf ? t('timeline.rejectedOnBehalf') : t('timeline.rejected');
    case 'confirmation':
      return d.onBehalf ? t('timeline.confirmedOnBehalf') : t('timeline.confirmed');
    case 'rating':
      return t('timeline.rated', { rating: d.rating });
    case 'merge':
      return text(d.into)
        ? t('timeline.mergedInto', { reference: d.into })
        : t('timeline.mergedFrom', { reference: text(d.from) ?? '?' });
    case 'link':
      if (text(d.reference)) return t('timeline.followUpOpened', { reference: d.reference });
      return text(d.articleId) ? t('timeline.articlePublished') : t('timeline.linked');
    case 'sla': {
      const line = t('timeline.sla', {
        clock: String(d.clock ?? '').toUpperCase(),
        milestone: d.milestone === 'breach' ? t('timeline.breach') : t('timeline.warning'),
      });
      // milestones are recorded when noticed, which may be later than when they fell due
      return text(d.dueAt) ? `${line} (${t('timeline.dueAt', { when: formatInstant(d.dueAt as string) })})` : line;
    }
    case 'update':
      return t('timeline.updated', { fields: Object.keys(d).join(', ') });
    default:
      return t(`timelineKind.${event.kind}`);
  }
}
