/** Every sentence of the ticket mails, in French and English. `{x}` placeholders are filled by `fill`. */

export type MailLocale = 'fr' | 'en';

export const ticketMailTexts = {
  fr: {
    hello: 'Bonjour {name},',
    helloNoName: 'Bonjour,',
    replyHint: 'Pour compléter votre demande, répondez simplement à ce message en gardant {ref} dans l’objet.',
    footer: 'Message envoyé par le support ({support}) au sujet du ticket {ref}.',
    ackSubject: 'Demande reçue',
    ackIntro: 'Nous avons bien reçu votre demande, enregistrée sous la référence {ref} :',
    ackNext: 'Un technicien va la prendre en charge. Vous serez informé par courriel de son avancement.',
    replyIntro: '{author} a répondu à votre demande {ref} :',
    infoIntro: 'Pour avancer sur votre demande {ref}, nous avons besoin d’informations de votre part.',
    infoNext: 'Le ticket est en attente de votre réponse : répondez à ce message pour le relancer.',
    resolutionIntro: 'Votre demande {ref} est résolue. Voici la solution apportée :',
    resolutionWorkaround: 'Il s’agit d’un contournement : la correction définitive est suivie dans un autre ticket.',
    resolutionAsk: 'Le service est-il rétabli ? Confirmez la résolution, ou refusez-la si le problème persiste.',
    resolutionAuto: 'Sans réponse de votre part, le ticket sera clos automatiquement.',
    confirm: 'Confirmer la résolution',
    reject: 'Refuser la solution',
    closureIntro: 'Votre demande {ref} est close.',
    closureAuto: 'Elle a été close automatiquement, faute de réponse après la résolution.',
    closureRate: 'Votre avis nous aide : notez le traitement de votre demande.',
    rate: 'Donner mon avis',
    refusalIntro: 'Nous avons reçu votre message sur la demande {ref}, qui était résolue :',
    refusalAsk:
      'Refusez-vous la solution apportée ? Si le problème persiste, refusez-la : le ticket sera rouvert. Si le service est rétabli, confirmez la résolution.',
    refusalKeep: 'Tant que vous n’avez pas répondu, la solution n’est pas considérée comme refusée.',
    slaWarningSubject: 'Échéance SLA proche',
    slaBreachSubject: 'SLA dépassé',
    slaWarningIntro: 'L’échéance {clock} du ticket {ref} approche ({due}).',
    slaBreachIntro: 'L’échéance {clock} du ticket {ref} est dépassée ({due}).',
    slaOpen: 'Ouvrir le ticket',
    slaFooter: 'Alerte SLA envoyée par Vigie.',
    clockTto: 'de prise en charge',
    clockTtr: 'de résolution',
    clockOla: 'd’OLA du niveau {level}',
    factClient: 'Client',
    factPriority: 'Priorité',
    factStatus: 'Statut',
    factAssignee: 'Assigné à',
    nobody: 'personne',
    // Not « Re : »: every mail client recognizes "Re:", and intake strips it to find the ticket.
    re: 'Re:',
  },
  en: {
    hello: 'Hello {name},',
    helloNoName: 'Hello,',
    replyHint: 'To add to your request, simply reply to this message, keeping {ref} in the subject.',
    footer: 'Sent by the support desk ({support}) about ticket {ref}.',
    ackSubject: 'Request received',
    ackIntro: 'We have received your request, recorded as {ref}:',
    ackNext: 'A technician will take it on. You will be told by mail how it progresses.',
    replyIntro: '{author} replied to your request {ref}:',
    infoIntro: 'To move forward with your request {ref}, we need some information from you.',
    infoNext: 'The ticket is waiting for your answer: reply to this message to get it going again.',
    resolutionIntro: 'Your request {ref} is resolved. This is the solution:',
    resolutionWorkaround: 'This is a workaround: the permanent fix is followed in another ticket.',
    resolutionAsk: 'Is the service back? Confirm the resolution, or reject it if the problem persists.',
    resolutionAuto: 'Without an answer from you, the ticket will be closed automatically.',
    confirm: 'Confirm the resolution',
    reject: 'Reject the solution',
    closureIntro: 'Your request {ref} is closed.',
    closureAuto: 'It was closed automatically, as no answer came after its resolution.',
    closureRate: 'Your opinion helps us: rate how your request was handled.',
    rate: 'Rate this ticket',
    refusalIntro: 'We received your message about request {ref}, which was resolved:',
    refusalAsk:
      'Do you refuse the solution? If the problem persists, reject it: the ticket will be reopened. If the service is back, confirm the resolution.',
    refusalKeep: 'Until you answer, the solution is not considered refused.',
    slaWarningSubject: 'SLA deadline approaching',
    slaBreachSubject: 'SLA breached',
    slaWarningIntro: 'The {clock} deadline of ticket {ref} is approaching ({due}).',
    slaBreachIntro: 'The {clock} deadline of ticket {ref} has passed ({due}).',
    slaOpen: 'Open the ticket',
    slaFooter: 'SLA alert sent by Vigie.',
    clockTto: 'time-to-own',
    clockTtr: 'time-to-resolve',
    clockOla: 'level {level} OLA',
    factClient: 'Client',
    factPriority: 'Priority',
    factStatus: 'Status',
    factAssignee: 'Assigned to',
    nobody: 'nobody',
    re: 'Re:',
  },
} as const satisfies Record<MailLocale, Record<string, string>>;

export type TicketMailText = keyof (typeof ticketMailTexts)['en'];

/** Replaces `{key}` by its value; unknown keys are left as they are, so a missing value shows in tests. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function localeOf(value: string | null | undefined): MailLocale {
  return value === 'en' ? 'en' : 'fr';
}

/** An instant as a person reads it, in the provider's time zone. */
export function formatInstant(iso: string, locale: MailLocale, timeZone = 'Europe/Paris'): string {
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}
