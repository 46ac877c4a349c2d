import { Checkbox, Fieldset, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type MilestoneValues, NOTIFY_TARGETS, type SlaMilestone } from '../lib/sla-actions-form';
import type { Option } from '../lib/use-ticket-lookups';

/** What one milestone (warning, breach, OLA breach) sets off: notifications, a level up, a reassignment. */
export function SlaMilestoneFieldset({
  milestone,
  value,
  onChange,
  teams,
  teamError,
}: {
  milestone: SlaMilestone;
  value: MilestoneValues;
  onChange: (value: MilestoneValues) => void;
  teams: Option[];
  teamError?: string;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t(`slaActions.milestone.${milestone}`)} data-milestone={milestone}>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {t(`slaActions.when.${milestone}`)}
        </Text>
        {NOTIFY_TARGETS.map((to) => (
          <Checkbox
            key={to}
            label={t(`slaActions.notify.${to}`)}
            checked={value.notify[to]}
            onChange={(event) => onChange({ ...value, notify: { ...value.notify, [to]: event.currentTarget.checked } })}
          />
        ))}
        <Checkbox
          label={t('slaActions.raiseLevel')}
          checked={value.raiseLevel}
          onChange={(event) => onChange({ ...value, raiseLevel: event.currentTarget.checked })}
        />
        <Checkbox
          label={t('slaActions.reassign')}
          checked={value.reassign}
          onChange={(event) => onChange({ ...value, reassign: event.currentTarget.checked })}
        />
        <Select
          aria-label={t('slaActions.team', { milestone: t(`slaActions.milestone.${milestone}`) })}
          placeholder={t('slaActions.chooseTeam')}
          data={teams}
          value={value.teamId}
          onChange={(teamId) => onChange({ ...value, teamId, reassign: value.reassign || teamId !== null })}
          disabled={!value.reassign}
          error={teamError}
          clearable
          ml="xl"
        />
      </Stack>
    </Fieldset>
  );
}
