/** The password reset and invitation mails, in French and English. */
import { renderMail } from '../mail/outbound/templates/mail-layout.js';
import { fill, type MailLocale } from '../mail/outbound/templates/ticket-mail-texts.js';

const texts = {
  fr: {
    hello: 'Bonjour {name},',
    resetSubject: 'Réinitialisation de votre mot de passe Vigie',
    resetIntro: 'Une réinitialisation du mot de passe de votre compte Vigie ({email}) a été demandée.',
    resetAction: 'Choisir un nouveau mot de passe',
    resetValidity: 'Ce lien fonctionne une seule fois, pendant une heure.',
    resetIgnore: 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
    inviteSubject: 'Votre accès à Vigie',
    inviteIntro: 'Un compte Vigie a été ouvert pour vous ({email}) : vous pourrez y suivre vos demandes au support.',
    inviteAction: 'Choisir mon mot de passe',
    inviteValidity:
      'Ce lien fonctionne une seule fois, pendant 7 jours. Passé ce délai, demandez une nouvelle invitation.',
    footer: 'Message automatique envoyé par {support}. Ne transmettez ce lien à personne.',
  },
  en: {
    hello: 'Hello {name},',
    resetSubject: 'Reset your Vigie password',
    resetIntro: 'Someone asked to reset the password of your Vigie account ({email}).',
    resetAction: 'Choose a new password',
    resetValidity: 'This link works once, for one hour.',
    resetIgnore: 'If you did not ask for it, ignore this message: your password stays as it is.',
    inviteSubject: 'Your access to Vigie',
    inviteIntro:
      'A Vigie account was opened for you ({email}): there you can follow your requests to the support desk.',
    inviteAction: 'Choose my password',
    inviteValidity: 'This link works once, for 7 days. After that, ask for a new invitation.',
    footer: 'Automatic message sent by {support}. Do not pass this link on to anyone.',
  },
} as const;

export function buildPasswordLinkMail(
  purpose: 'reset' | 'invitation',
  locale: MailLocale,
  person: { name: string; email: string },
  url: string,
  supportAddress: string,
): { subject: string; html: string; text: string } {
  const t = texts[locale];
  const values = { name: person.name, email: person.email, support: supportAddress };
  const reset = purpose === 'reset';
  const body = renderMail(
    {
      greeting: fill(t.hello, values),
      blocks: [
        { kind: 'paragraph', text: fill(reset ? t.resetIntro : t.inviteIntro, values) },
        { kind: 'paragraph', text: reset ? t.resetValidity : t.inviteValidity },
        ...(reset ? [{ kind: 'paragraph' as const, text: t.resetIgnore }] : []),
      ],
      actions: [{ label: reset ? t.resetAction : t.inviteAction, url }],
      footer: fill(t.footer, values),
    },
    locale,
  );
  return { subject: reset ? t.resetSubject : t.inviteSubject, ...body };
}
