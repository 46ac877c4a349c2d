import type { SlaActions } from '@vigie/contracts';
import { describe, expect, it } from 'vitest';
import { missingTeams, slaActionsOf, slaActionsValues } from './sla-actions-form';

const stored: SlaActions = {
  warning: [{ type: 'notify', to: 'assignee' }],
  breach: [
    { type: 'notify', to: 'managers' },
    { type: 'notify', to: 'team' },
    { type: 'raise_level' },
    { type: 'reassign', teamId: 'team-1' },
  ],
  olaBreach: [],
};

describe('SLA actions form', () => {
  it('shows the stored lists as checkboxes', () => {
    const values = slaActionsValues(stored);
    expect(values.warning.notify).toEqual({ assignee: true, team: false, managers: false });
    expect(values.breach).toEqual({
      notify: { assignee: false, team: true, managers: true },
      raiseLevel: true,
      reassign: true,
      teamId: 'team-1',
    });
    expect(values.olaBreach.reassign).toBe(false);
  });

  it('gives back the same actions, in a fixed order', () => {
    expect(slaActionsOf(slaActionsValues(stored))).toEqual({
      warning: [{ type: 'notify', to: 'assignee' }],
      breach: [
        { type: 'notify', to: 'team' },
        { type: 'notify', to: 'managers' },
        { type: 'raise_level' },
        { type: 'reassign', teamId: 'team-1' },
      ],
      olaBreach: [],
    });
  });

  it('names the milestones that reassign without a team', () => {
    const values = slaActionsValues(stored);
    values.olaBreach.reassign = true;
    expect(missingTeams(values)).toEqual(['olaBreach']);
  });
});
