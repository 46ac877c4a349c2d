/**
 * The mail sent back when a message was accepted but cannot be taken (too many files, too big for the helpdesk):
 * it says why in the sender's language (French, English below, when the language is unknown), so nothing is lost in
 * silence. Never sent to automated senders (they are ignored before).
 */
import type { OutgoingMail } from '../outbox.repository.js';

export type RefusalCause = { kind: 'too_large'; maxMb: number } | { kind: 'too_many_files'; maxFiles: number };

const TEXT = {
  fr: {
    subject: (s: string) => `Message non pris en compte : ${s}`,
    intro: 'Votre message n’a pas été enregistré par le support.',
    too_large: (c: { maxMb: number }) => `Il dépasse la taille acceptée (${c.maxMb} Mo pièces jointes comprises).`,
    too_many_files: (c: { maxFiles: number }) => `Il contient plus de ${c.maxFiles} pièces jointes.`,
    advice: 'Renvoyez-le allégé (ou déposez les fichiers sur le portail), il sera traité normalement.',
  },
  en: {
    subject: (s: string) => `Message not taken: ${s}`,
    intro: 'Your message was not recorded by the helpdesk.',
    too_large: (c: { maxMb: number }) => `It is larger than accepted (${c.maxMb} MB, attachments included).`,
    too_many_files: (c: { maxFiles: number }) => `It carries more than ${c.maxFiles} attachments.`,
    advice: 'Send it again lighter (or put the files on the portal) and it will be handled as usual.',
  },
};

function paragraph(locale: 'fr' | 'en', cause: RefusalCause): string {
  const t = TEXT[locale];
  const why = cause.kind === 'too_large' ? t.too_large(cause) : t.too_many_files(cause);
  return `${t.intro}\n${why}\n${t.advice}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalMail(
  to: { address: string; name: string | null },
  subject: string,
  cause: RefusalCause,
  locale: 'fr' | 'en' | null,
  inReplyTo: string | null,
): OutgoingMail {
  const locales: ('fr' | 'en')[] = locale ? [locale] : ['fr', 'en'];
  const main = locales[0] ?? 'fr';
  const shown = subject.trim() || '(no subject)';
  const text = locales.map((l) => paragraph(l, cause)).join('\n\n---\n\n');
  const html = locales
    .map((l) => `<p>${paragraph(l, cause).split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('<hr>');
  return {
    kind: 'bounce',
    to: [{ address: to.address, name: to.name }],
    locale: main,
    subject: TEXT[main].subject(shown).slice(0, 300),
    text,
    html,
    inReplyTo,
    references: inReplyTo ? [inReplyTo] : [],
  };
}
