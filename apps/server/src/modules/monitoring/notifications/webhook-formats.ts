/**
 * The bodies Vigie posts to webhooks: its own JSON document, Slack's `{text, blocks}` (incoming webhooks and
 * Workflow Builder), and a Teams Adaptive Card in the `message` envelope that Teams' Workflows ("when a webhook
 * request is received") and the older connectors accept.
 */
import { type AlertMessage, formatDuration, headline } from './alert-message.js';

export type WebhookFormat = 'json' | 'slack' | 'teams';

const EVENT_WORDS: Record<AlertMessage['event'], string> = {
  opened: 'Alert opened',
  severity: 'Severity changed',
  resolved: 'Alert resolved',
  repeat: 'Still open',
};

const COLORS: Record<string, string> = { critical: 'D32F2F', warning: 'F59F00', unknown: '868E96', resolved: '2F9E44' };

/** Vigie's own document: stable field names for integrations (version 1). */
export function jsonDocument(m: AlertMessage) {
  return {
    version: 1,
    deliveryId: m.deliveryId,
    event: m.event,
    repeat: m.repeatNo,
    alert: {
      id: m.alert.id,
      number: m.alert.number,
      kind: m.alert.kind,
      status: m.alert.status,
      severity: m.alert.severity,
      summary: m.alert.summary,
      openedAt: m.alert.openedAt,
      resolvedAt: m.alert.resolvedAt,
      durationSeconds: m.alert.durationSeconds,
    },
    asset: m.asset,
    client: m.client,
    check: m.check,
    ticket: m.ticket,
    url: m.url,
  };
}

function facts(m: AlertMessage): [string, string][] {
  const rows: [string, string][] = [
    ['Client', m.client.name],
    ['Asset', m.asset.name],
    ['Check', m.check.name],
    ['Severity', m.alert.severity],
    ['Opened', m.alert.openedAt],
  ];
  if (m.alert.resolvedAt) rows.push(['Resolved', m.alert.resolvedAt]);
  if (m.alert.durationSeconds !== null) rows.push(['Duration', formatDuration(m.alert.durationSeconds)]);
  if (m.ticket) rows.push(['Ticket', m.ticket.reference]);
  return rows;
}

/** One line a person reads in a channel or a phone notification. */
export function oneLine(m: AlertMessage): string {
  return `[${headline(m)}] ${m.asset.name} — ${m.alert.summary}`;
}

/** Slack's mrkdwn needs &, < and > escaped; everything else is literal. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `text` is the notification fallback; `blocks` the message (section, fields, a button to the console). */
export function slackMessage(m: AlertMessage) {
  return {
    text: slackEscape(oneLine(m)),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${slackEscape(EVENT_WORDS[m.event])} — alert #${m.alert.number}*\n${slackEscape(oneLine(m))}`,
        },
      },
      {
        type: 'section',
        fields: facts(m).map(([label, value]) => ({ type: 'mrkdwn', text: `*${label}*\n${slackEscape(value)}` })),
      },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Vigie' }, url: m.url }],
      },
    ],
  };
}

/** An Adaptive Card (1.4) as a Teams message attachment. */
export function teamsMessage(m: AlertMessage) {
  const color = m.event === 'resolved' ? 'Good' : m.alert.severity === 'critical' ? 'Attention' : 'Warning';
  return {
    type: 'message',
    summary: oneLine(m),
    themeColor: COLORS[m.event === 'resolved' ? 'resolved' : m.alert.severity] ?? COLORS.unknown,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: `${EVENT_WORDS[m.event]} — alert #${m.alert.number}`,
              weight: 'Bolder',
              size: 'Medium',
              color,
              wrap: true,
            },
            { type: 'TextBlock', text: oneLine(m), wrap: true },
            { type: 'FactSet', facts: facts(m).map(([title, value]) => ({ title, value })) },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open in Vigie', url: m.url }],
        },
      },
    ],
  };
}

/** The body of a webhook post in the rule's format. */
export function webhookBody(format: WebhookFormat, m: AlertMessage): unknown {
  if (format === 'slack') return slackMessage(m);
  if (format === 'teams') return teamsMessage(m);
  return jsonDocument(m);
}
