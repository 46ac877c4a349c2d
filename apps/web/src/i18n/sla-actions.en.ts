/** English texts of the SLA actions settings; `sla-actions.fr.ts` has the same keys. */
export const slaActionsEn = {
  slaActions: {
    title: 'SLA actions',
    hint: 'What happens, on every ticket, when a clock nears its deadline, misses it, or a level holds a ticket too long.',
    milestone: { warning: 'Warning', breach: 'Breach', olaBreach: 'OLA breach' },
    when: {
      warning: 'A deadline is near: take charge, resolution or a level’s OLA.',
      breach: 'The take-charge or resolution deadline has passed.',
      olaBreach: 'A support level held the ticket longer than its OLA.',
    },
    notify: {
      assignee: 'Notify the assignee (or the team when nobody owns it)',
      team: 'Notify the team',
      managers: 'Notify the managers',
    },
    raiseLevel: 'Raise the support level',
    reassign: 'Reassign to a team',
    team: 'Team to reassign to ({{milestone}})',
    chooseTeam: 'Choose a team',
    teamRequired: 'Choose the team to reassign to.',
    reset: 'Undo changes',
    saved: 'SLA actions saved.',
  },
};
