import type { Translation } from './en';
import type { slaActionsEn } from './sla-actions.en';

/** Textes français des actions SLA ; mêmes clés que `sla-actions.en.ts`. */
export const slaActionsFr: Pick<Translation, keyof typeof slaActionsEn> = {
  slaActions: {
    title: 'Actions SLA',
    hint: 'Ce qui se passe, sur chaque ticket, quand une échéance approche, est dépassée, ou qu’un niveau garde un ticket trop longtemps.',
    milestone: { warning: 'Alerte', breach: 'Dépassement', olaBreach: 'Dépassement OLA' },
    when: {
      warning: 'Une échéance approche : prise en charge, résolution ou OLA d’un niveau.',
      breach: 'L’échéance de prise en charge ou de résolution est dépassée.',
      olaBreach: 'Un niveau de support a gardé le ticket au-delà de son OLA.',
    },
    notify: {
      assignee: 'Prévenir le technicien attribué (ou l’équipe si personne)',
      team: 'Prévenir l’équipe',
      managers: 'Prévenir les responsables',
    },
    raiseLevel: 'Monter d’un niveau de support',
    reassign: 'Réattribuer à une équipe',
    team: 'Équipe de réattribution ({{milestone}})',
    chooseTeam: 'Choisir une équipe',
    teamRequired: 'Choisissez l’équipe de réattribution.',
    reset: 'Annuler les modifications',
    saved: 'Actions SLA enregistrées.',
  },
};
