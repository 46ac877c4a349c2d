/**
 * Which mail a ticket event calls for. Pure: the composer feeds it the event, who wrote it and the ticket as it is,
 * and queues what comes out.
 *
 * - `created` (any source but monitoring) → acknowledgement to the requester, even when the requester opened it
 *   themselves: it is their receipt, with the reference and how to answer.
 * - a public `reply` by anyone but the requester (staff, in-house IT, the client's manager) → the reply, to the
 *   requester.
 * - `status` → pending on the requester → request for information.
 * - `solution` → resolution mail (the solution, confirm and reject links).
 * - `status` → closed (not merged) → closure mail with a rating link (not when the requester closed it themselves).
 * - a client's `reply` that arrived while the ticket was resolved → "do you refuse the solution?", with both links
 *   (sent to that person, who asked nothing explicit: the one mail that goes back to the event's author).
 * - `sla` warning / breach → staff alert (assignee, else the team; breaches also to managers).
 */

export type TicketMailKind =
  | 'acknowledgement'
  | 'reply'
  | 'information_request'
  | 'resolution'
  | 'closure'
  | 'refusal_question'
  | 'sla_warning'
  | 'sla_breach';

export interface EventForMail {
  kind: string;
  visibility: string;
  data: Record<string, unknown>;
  /** Whether the author is provider staff (admin, manager, technician); the system counts as staff. */
  byStaff: boolean;
}

export interface TicketForMail {
  source: string;
  mergedIntoId: string | null;
}

export function ticketMailKindOf(event: EventForMail, ticket: TicketForMail): TicketMailKind | null {
  switch (event.kind) {
    case 'created':
      return ticket.source === 'monitoring' ? null : 'acknowledgement';
    case 'reply':
      if (event.visibility !== 'public') return null;
      if (!event.byStaff && (event.data.whileResolved === true || event.data.askConfirmation === true)) {
        return 'refusal_question';
      }
      // Staff, or a client person working the ticket (in-house IT, the client's manager): the requester hears of it
      // (the composer drops it when the requester wrote it themselves).
      return 'reply';
    case 'solution':
      return 'resolution';
    case 'status':
      if (event.data.to === 'pending' && event.data.pendingReason === 'requester') return 'information_request';
      // Closed by the requester themselves: not mailed (the composer never mails the author of the event).
      if (event.data.to === 'closed' && ticket.mergedIntoId === null) return 'closure';
      return null;
    case 'sla':
      if (event.data.milestone === 'warning') return 'sla_warning';
      if (event.data.milestone === 'breach') return 'sla_breach';
      return null;
    default:
      return null;
  }
}

/** Mails that go to the requester (the others go to staff). */
export function isRequesterMail(kind: TicketMailKind): boolean {
  return kind !== 'sla_warning' && kind !== 'sla_breach';
}

/** Mails a requester gets even as the author of the event: they answer what that person just did. */
export function goesBackToAuthor(kind: TicketMailKind): boolean {
  return kind === 'acknowledgement' || kind === 'refusal_question';
}

/**
 * RFC 3834: an acknowledgement (or the question sent back on a reply) is `auto-replied`, other notifications are
 * `auto-generated`; a technician's reply is written by a person and carries no Auto-Submitted header, so the
 * requester's own auto-responder treats it as any human mail.
 */
export function autoSubmittedOf(kind: string): 'auto-replied' | 'auto-generated' | null {
  if (kind === 'reply') return null;
  if (kind === 'acknowledgement' || kind === 'refusal_question') return 'auto-replied';
  return 'auto-generated';
}

/** The subject of replies in a ticket's thread starts with "Re:"; the first mail and staff alerts do not. */
export function isThreadReply(kind: string): boolean {
  return ['reply', 'information_request', 'resolution', 'closure', 'refusal_question'].includes(kind);
}

/** Loop guard: at most this many acknowledgements, and as many refusal questions, to one address per hour. */
export const ACKNOWLEDGEMENTS_PER_HOUR = 5;

/** At most this many message ids in a References header: the first of the thread and the latest ones. */
export const MAX_REFERENCES = 10;

/** The References chain of a new message: the thread's first id, then the most recent ones, oldest first. */
export function boundedReferences(chain: readonly string[], max = MAX_REFERENCES): string[] {
  const unique = [...new Set(chain)];
  if (unique.length <= max) return unique;
  return [unique[0] as string, ...unique.slice(unique.length - (max - 1))];
}

/** Retry delays after a temporary failure, in minutes: 1, 5, 15, 60, 240, then every 12 hours. */
const BACKOFF_MINUTES = [1, 5, 15, 60, 240, 720, 720];
/** A mail still refused after this many tries is given up (`failed`). */
export const MAX_SEND_TRIES = 8;

/** When to try again after `tries` failed tries, or null when it is time to give up. */
export function nextTryDelayMs(tries: number): number | null {
  if (tries >= MAX_SEND_TRIES) return null;
  const minutes = BACKOFF_MINUTES[Math.min(tries - 1, BACKOFF_MINUTES.length - 1)] ?? 720;
  return minutes * 60_000;
}

/** An SMTP answer in the 5xx range is permanent: trying again would get the same answer. */
export function isPermanentRefusal(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600;
}
