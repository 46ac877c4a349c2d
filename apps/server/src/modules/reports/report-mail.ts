/** The mail that carries the monthly report's PDF to a client manager, in their language. */
import type { SlaReport } from '@vigie/contracts';
import { renderMail } from '../mail/outbound/templates/mail-layout.js';
import { monthName, numberText, type ReportLocale } from './report-labels.js';

const texts = {
  fr: {
    subject: (client: string, month: string) => `Rapport SLA ${month} — ${client}`,
    hello: (name: string) => `Bonjour ${name},`,
    intro: (month: string) => `Vous trouverez en pièce jointe le rapport SLA de ${month}.`,
    opened: 'Tickets ouverts',
    resolved: 'Tickets résolus',
    tto: 'Prise en charge dans les délais',
    ttr: 'Résolution dans les délais',
    breaches: 'Dépassements',
    open: 'Voir le rapport en ligne',
    footer: 'Vous recevez ce rapport chaque mois en tant que responsable du compte client.',
  },
  en: {
    subject: (client: string, month: string) => `SLA report ${month} — ${client}`,
    hello: (name: string) => `Hello ${name},`,
    intro: (month: string) => `Please find attached the SLA report for ${month}.`,
    opened: 'Tickets opened',
    resolved: 'Tickets resolved',
    tto: 'Taken in charge in time',
    ttr: 'Resolved in time',
    breaches: 'Breaches',
    open: 'See the report online',
    footer: 'You receive this report every month as the manager of your company’s account.',
  },
} as const;

export function buildReportMail(
  report: SlaReport,
  locale: ReportLocale,
  name: string,
  publicUrl: string,
): { subject: string; html: string; text: string } {
  const t = texts[locale];
  const month = monthName(report.month, locale);
  const percent = (value: number | null) => (value === null ? '—' : `${numberText(value, locale)} %`);
  const body = renderMail(
    {
      greeting: t.hello(name),
      blocks: [
        { kind: 'paragraph', text: t.intro(month) },
        {
          kind: 'facts',
          rows: [
            [t.opened, String(report.tickets.opened)],
            [t.resolved, String(report.tickets.resolved)],
            [t.tto, percent(report.tto.percent)],
            [t.ttr, percent(report.ttr.percent)],
            [t.breaches, String(report.breaches.length)],
          ],
        },
      ],
      actions: [{ label: t.open, url: `${publicUrl}/portal/report` }],
      footer: t.footer,
    },
    locale,
  );
  return { subject: t.subject(report.clientName, month), ...body };
}
