/**
 * The alert mail in French and English: a subject that reads in a phone's notification list
 * ("[CRITICAL] srv-db01 — Disk / 96 %"), the facts, and a link to the alert in the console.
 */
import { renderMail } from '../../mail/outbound/templates/mail-layout.js';
import { fill, type MailLocale } from '../../mail/outbound/templates/ticket-mail-texts.js';
import { type AlertMessage, formatDuration } from './alert-message.js';

const texts = {
  fr: {
    tags: { critical: 'CRITIQUE', warning: 'AVERTISSEMENT', unknown: 'INCONNU', resolved: 'RÉTABLI' },
    severities: { critical: 'critique', warning: 'avertissement', unknown: 'inconnu' },
    events: {
      opened: 'Une alerte vient de s’ouvrir (n° {n}).',
      severity: 'La gravité de l’alerte n° {n} a changé.',
      resolved: 'L’alerte n° {n} est close : le problème a disparu.',
      repeat: 'L’alerte n° {n} est toujours ouverte et personne ne l’a encore prise en compte (rappel {r}).',
    },
    greeting: 'Bonjour,',
    client: 'Client',
    asset: 'Équipement',
    check: 'Contrôle',
    severity: 'Gravité',
    opened: 'Ouverte le',
    resolved: 'Close le',
    duration: 'Durée',
    ticket: 'Ticket',
    open: 'Voir l’alerte dans Vigie',
    footer: 'Vous recevez ce message selon la règle de notification « {rule} » de Vigie.',
  },
  en: {
    tags: { critical: 'CRITICAL', warning: 'WARNING', unknown: 'UNKNOWN', resolved: 'RESOLVED' },
    severities: { critical: 'critical', warning: 'warning', unknown: 'unknown' },
    events: {
      opened: 'An alert just opened (#{n}).',
      severity: 'The severity of alert #{n} changed.',
      resolved: 'Alert #{n} is over: the problem went away.',
      repeat: 'Alert #{n} is still open and nobody has acknowledged it yet (reminder {r}).',
    },
    greeting: 'Hello,',
    client: 'Client',
    asset: 'Asset',
    check: 'Check',
    severity: 'Severity',
    opened: 'Opened',
    resolved: 'Resolved',
    duration: 'Duration',
    ticket: 'Ticket',
    open: 'Open the alert in Vigie',
    footer: 'You get this message through the Vigie notification rule “{rule}”.',
  },
} as const;

type Severity = keyof (typeof texts)['en']['severities'];
const severityOf = (value: string): Severity =>
  value === 'critical' || value === 'warning' || value === 'unknown' ? value : 'unknown';

/** An instant as people of that language read it, in the client's zone when known (UTC otherwise). */
function when(iso: string, locale: MailLocale, timeZone: string): string {
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/** Subject and bodies of one alert mail. */
export function buildAlertMail(
  m: AlertMessage,
  locale: MailLocale,
  ruleName: string,
  timeZone = 'UTC',
): { subject: string; text: string; html: string } {
  const t = texts[locale];
  const severity = severityOf(m.alert.severity);
  const tag = m.event === 'resolved' ? t.tags.resolved : t.tags[severity];
  const rows: [string, string][] = [
    [t.client, m.client.name],
    [t.asset, m.asset.name],
    [t.check, m.check.name],
    [t.severity, t.severities[severity]],
    [t.opened, when(m.alert.openedAt, locale, timeZone)],
  ];
  if (m.alert.resolvedAt) rows.push([t.resolved, when(m.alert.resolvedAt, locale, timeZone)]);
  if (m.alert.durationSeconds !== null) rows.push([t.duration, formatDuration(m.alert.durationSeconds)]);
  if (m.ticket) rows.push([t.ticket, m.ticket.reference]);
  const body = renderMail(
    {
      greeting: t.greeting,
      blocks: [
        { kind: 'paragraph', text: fill(t.events[m.event], { n: String(m.alert.number), r: String(m.repeatNo) }) },
        { kind: 'paragraph', text: m.alert.summary },
        { kind: 'facts', rows },
      ],
      actions: [{ label: t.open, url: m.url }],
      footer: fill(t.footer, { rule: ruleName }),
    },
    locale,
  );
  return { subject: `[${tag}] ${m.asset.name} — ${m.alert.summary}`, ...body };
}
