/** The ticket mails (requester and staff), built from the texts of their locale and the shared layout. */
import type { TicketMailKind } from '../ticket-mail-rules.js';
import { isThreadReply } from '../ticket-mail-rules.js';
import { type MailAction, type MailBlock, renderMail } from './mail-layout.js';
import { fill, formatInstant, type MailLocale, ticketMailTexts } from './ticket-mail-texts.js';

export interface TicketMailContext {
  kind: TicketMailKind;
  locale: MailLocale;
  ticket: {
    id: string;
    reference: string;
    title: string;
    clientName: string;
    priority: string;
    status: string;
    assigneeName: string | null;
  };
  recipientName: string | null;
  /** The event's author, as the requester should read it. */
  authorName: string;
  /** The event's text: a reply, a solution, the client's message. */
  body: string | null;
  data: Record<string, unknown>;
  supportAddress: string;
  publicUrl: string;
}

export interface BuiltMail {
  subject: string;
  html: string;
  text: string;
}

function clockName(clock: unknown, t: (typeof ticketMailTexts)[MailLocale]): string {
  if (clock === 'tto') return t.clockTto;
  if (clock === 'ttr') return t.clockTtr;
  const level = typeof clock === 'string' ? clock.replace(/\D/g, '') : '';
  return fill(t.clockOla, { level });
}

export function buildTicketMail(c: TicketMailContext): BuiltMail {
  const t = ticketMailTexts[c.locale];
  const ref = c.ticket.reference;
  const values = { ref, author: c.authorName, support: c.supportAddress };
  const portal = `${c.publicUrl}/portal/tickets/${c.ticket.id}`;
  const greeting = c.recipientName ? fill(t.hello, { name: c.recipientName }) : t.helloNoName;
  const footer = `${fill(t.replyHint, values)}\n${fill(t.footer, values)}`;
  const quote = (text: string | null, author?: string): MailBlock[] =>
    text ? [{ kind: 'quote', text, author: author ?? null }] : [];
  const answerLinks: MailAction[] = [
    { label: t.confirm, url: `${portal}?answer=confirm` },
    { label: t.reject, url: `${portal}?answer=reject` },
  ];
  let blocks: MailBlock[] = [];
  let actions: MailAction[] = [];
  let subjectHead = c.ticket.title;
  let closingFooter = footer;

  switch (c.kind) {
    case 'acknowledgement':
      blocks = [
        { kind: 'paragraph', text: fill(t.ackIntro, values) },
        ...quote(c.body ?? c.ticket.title),
        { kind: 'paragraph', text: t.ackNext },
      ];
      break;
    case 'reply':
      blocks = [{ kind: 'paragraph', text: fill(t.replyIntro, values) }, ...quote(c.body)];
      break;
    case 'information_request':
      blocks = [
        { kind: 'paragraph', text: fill(t.infoIntro, values) },
        ...quote(c.body),
        { kind: 'paragraph', text: t.infoNext },
      ];
      break;
    case 'resolution':
      blocks = [
        { kind: 'paragraph', text: fill(t.resolutionIntro, values) },
        ...quote(c.body),
        ...(c.data.kind === 'workaround' ? [{ kind: 'paragraph', text: t.resolutionWorkaround } as const] : []),
        { kind: 'paragraph', text: t.resolutionAsk },
        { kind: 'paragraph', text: t.resolutionAuto },
      ];
      actions = answerLinks;
      break;
    case 'closure':
      blocks = [
        { kind: 'paragraph', text: fill(t.closureIntro, values) },
        ...(c.data.cause === 'auto_close' ? [{ kind: 'paragraph', text: t.closureAuto } as const] : []),
        { kind: 'paragraph', text: t.closureRate },
      ];
      actions = [{ label: t.rate, url: `${portal}?answer=rate` }];
      break;
    case 'refusal_question':
      blocks = [
        { kind: 'paragraph', text: fill(t.refusalIntro, values) },
        ...quote(c.body),
        { kind: 'paragraph', text: t.refusalAsk },
        { kind: 'paragraph', text: t.refusalKeep },
      ];
      actions = [answerLinks[1] as MailAction, answerLinks[0] as MailAction];
      break;
    case 'sla_warning':
    case 'sla_breach': {
      const breach = c.kind === 'sla_breach';
      const due = typeof c.data.dueAt === 'string' ? formatInstant(c.data.dueAt, c.locale) : '';
      const intro = fill(breach ? t.slaBreachIntro : t.slaWarningIntro, {
        ...values,
        clock: clockName(c.data.clock, t),
        due,
      });
      blocks = [
        { kind: 'paragraph', text: intro },
        {
          kind: 'facts',
          rows: [
            [t.factClient, c.ticket.clientName],
            [t.factPriority, c.ticket.priority],
            [t.factStatus, c.ticket.status],
            [t.factAssignee, c.ticket.assigneeName ?? t.nobody],
          ],
        },
      ];
      actions = [{ label: t.slaOpen, url: `${c.publicUrl}/tickets/${c.ticket.id}` }];
      subjectHead = `${breach ? t.slaBreachSubject : t.slaWarningSubject} — ${c.ticket.title}`;
      closingFooter = t.slaFooter;
      break;
    }
  }
  const subject = `${isThreadReply(c.kind) ? `${t.re} ` : ''}[${ref}] ${subjectHead}`;
  return { subject, ...renderMail({ greeting, blocks, actions, footer: closingFooter }, c.locale) };
}
