import type { SlaAction, SlaActions } from '@vigie/contracts';

export const SLA_MILESTONES = ['warning', 'breach', 'olaBreach'] as const;
export type SlaMilestone = (typeof SLA_MILESTONES)[number];
export const NOTIFY_TARGETS = ['assignee', 'team', 'managers'] as const;
export type NotifyTarget = (typeof NOTIFY_TARGETS)[number];

/** One milestone's actions as the form shows them: checkboxes, and the team to reassign to. */
export interface MilestoneValues {
  notify: Record<NotifyTarget, boolean>;
  raiseLevel: boolean;
  reassign: boolean;
  teamId: string | null;
}
export type SlaActionsValues = Record<SlaMilestone, MilestoneValues>;

function milestoneValues(actions: readonly SlaAction[]): MilestoneValues {
  const reassign = actions.find((a): a is Extract<SlaAction, { type: 'reassign' }> => a.type === 'reassign');
  const notifies = (to: NotifyTarget) => actions.some((a) => a.type === 'notify' && a.to === to);
  return {
    notify: { assignee: notifies('assignee'), team: notifies('team'), managers: notifies('managers') },
    raiseLevel: actions.some((a) => a.type === 'raise_level'),
    reassign: reassign !== undefined,
    teamId: reassign?.teamId ?? null,
  };
}

/** The stored lists as checkboxes (a list holding an action twice shows it once; the first reassignment wins). */
export function slaActionsValues(actions: SlaActions): SlaActionsValues {
  return {
    warning: milestoneValues(actions.warning),
    breach: milestoneValues(actions.breach),
    olaBreach: milestoneValues(actions.olaBreach),
  };
}

function milestoneActions(values: MilestoneValues): SlaAction[] {
  const actions: SlaAction[] = NOTIFY_TARGETS.filter((to) => values.notify[to]).map((to) => ({ type: 'notify', to }));
  if (values.raiseLevel) actions.push({ type: 'raise_level' });
  if (values.reassign && values.teamId) actions.push({ type: 'reassign', teamId: values.teamId });
  return actions;
}

/** The checkboxes as the lists the server stores: notifications first, then the level, then the reassignment. */
export function slaActionsOf(values: SlaActionsValues): SlaActions {
  return {
    warning: milestoneActions(values.warning),
    breach: milestoneActions(values.breach),
    olaBreach: milestoneActions(values.olaBreach),
  };
}

/** The milestones that reassign without naming the team. */
export function missingTeams(values: SlaActionsValues): SlaMilestone[] {
  return SLA_MILESTONES.filter((m) => values[m].reassign && !values[m].teamId);
}
