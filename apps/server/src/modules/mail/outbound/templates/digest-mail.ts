/** The daily digest mail, in French and English. */
import { ticketReference } from '@vigie/domain';
import type { DigestFigures, DigestLine } from '../digest.repository.js';
import { type MailBlock, renderMail } from './mail-layout.js';
import { fill, type MailLocale } from './ticket-mail-texts.js';

const texts = {
  fr: {
    subject: 'Votre résumé du {date}',
    hello: 'Bonjour {name},',
    intro: 'Voici l’état du support ce matin.',
    open: 'Tickets ouverts ({n})',
    breachingSoon: 'Échéance dans les 4 heures ({n})',
    breached: 'Échéance dépassée ({n})',
    unassigned: 'Sans technicien assigné ({n})',
    resolved: 'Résolus depuis hier ({n})',
    none: 'Aucun.',
    more: '… et {n} autres',
    open_console: 'Ouvrir la console',
    footer: 'Vous recevez ce résumé chaque jour ; désactivez-le depuis le menu de votre compte dans Vigie.',
  },
  en: {
    subject: 'Your digest for {date}',
    hello: 'Hello {name},',
    intro: 'This is where the support desk stands.',
    open: 'Open tickets ({n})',
    breachingSoon: 'Due within 4 hours ({n})',
    breached: 'Past their deadline ({n})',
    unassigned: 'No technician assigned ({n})',
    resolved: 'Resolved since yesterday ({n})',
    none: 'None.',
    more: '… and {n} more',
    open_console: 'Open the console',
    footer: 'You get this digest every day; turn it off from your account menu in Vigie.',
  },
} as const;

const lineOf = (l: DigestLine) => `${ticketReference(l.number)} ${l.title} (${l.client_name})`;

export function buildDigestMail(
  locale: MailLocale,
  name: string,
  date: string,
  figures: DigestFigures,
  publicUrl: string,
): { subject: string; html: string; text: string } {
  const t = texts[locale];
  const sections: [keyof DigestFigures, string][] = [
    ['breached', t.breached],
    ['breachingSoon', t.breachingSoon],
    ['unassigned', t.unassigned],
    ['open', t.open],
    ['resolved', t.resolved],
  ];
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: t.intro },
    ...sections.map(([key, title]): MailBlock => {
      const s = figures[key];
      const items = s.lines.map(lineOf);
      if (s.count > s.lines.length) items.push(fill(t.more, { n: String(s.count - s.lines.length) }));
      return { kind: 'list', title: fill(title, { n: String(s.count) }), items, empty: t.none };
    }),
  ];
  const body = renderMail(
    {
      greeting: fill(t.hello, { name }),
      blocks,
      actions: [{ label: t.open_console, url: `${publicUrl}/tickets` }],
      footer: t.footer,
    },
    locale,
  );
  return { subject: fill(t.subject, { date }), ...body };
}
