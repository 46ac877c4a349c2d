import {
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { teamsApi } from '../api/endpoints';
import {
  itemsOf,
  type NotificationRule,
  type NotificationRuleInput,
  notificationRulesApi,
} from '../api/monitoring-setup-endpoints';
import { handleFormError } from '../lib/errors';
import { changedFields, useFormState } from '../lib/form';
import { useClientOptions } from '../lib/use-lookups';
import { FormActions } from './form-actions';

const ALL = '__all__';
const NONE = '__none__';

/** Creates or edits a notification rule: which alerts (client, severity), to whom (team, addresses or a webhook), how often. */
export function NotificationRuleFormModal({ rule, onClose }: { rule?: NotificationRule; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useClientOptions();
  const teams = useQuery({
    queryKey: ['teams', 'options'],
    queryFn: () => teamsApi.list({ limit: 200 }),
    select: (page) => itemsOf(page).map((team) => ({ value: team.id, label: team.name })),
  });
  const { values, initialValues, set, setValues, errors, setErrors } = useFormState<NotificationRuleInput>(() => ({
    name: rule?.name ?? '',
    clientId: rule?.clientId ?? null,
    teamId: rule?.teamId ?? null,
    minSeverity: rule?.minSeverity ?? 'critical',
    channel: rule?.channel ?? 'email',
    target: rule?.target ?? '',
    format: rule?.format ?? 'text',
    repeatMinutes: rule?.repeatMinutes ?? null,
    enabled: rule?.enabled ?? true,
  }));
  const n = (key: string) => t(`monitoringSetup.notifications.${key}` as 'monitoringSetup.notifications.title');

  const save = useMutation({
    mutationFn: () =>
      rule
        ? notificationRulesApi.update(rule.id, changedFields(initialValues, values))
        : notificationRulesApi.create(values),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['monitoring-notification-rules'] });
      onClose();
    },
    onError: (error) =>
      handleFormError(t, error, setErrors, [
        'name',
        'clientId',
        'teamId',
        'minSeverity',
        'channel',
        'target',
        'format',
        'repeatMinutes',
        'enabled',
      ]),
  });
  const email = values.channel === 'email';
  // mail rules are always plain text; webhooks take Vigie's JSON or a Slack / Teams message
  const formats = ['json', 'slack', 'teams'] as const;

  return (
    <Modal opened onClose={onClose} title={rule ? n('editRule') : n('newRule')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('common.name')}
            required
            data-autofocus
            value={values.name}
            error={errors.name}
            onChange={(e) => set('name', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('common.client')}
              searchable
              allowDeselect={false}
              data={[{ value: ALL, label: n('allClients') }, ...(clients.data ?? [])]}
              value={values.clientId ?? ALL}
              error={errors.clientId}
              onChange={(v) => set('clientId', v === ALL || !v ? null : v)}
            />
            <Select
              label={n('minSeverity')}
              allowDeselect={false}
              data={(['warning', 'critical'] as const).map((s) => ({
                value: s,
                label: t(`monitoringSetup.notifications.severities.${s}`),
              }))}
              value={values.minSeverity}
              error={errors.minSeverity}
              onChange={(v) => set('minSeverity', (v ?? 'warning') as NotificationRuleInput['minSeverity'])}
            />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} id="rule-channel-label" mb={4}>
              {n('channel')}
            </Text>
            <SegmentedControl
              aria-labelledby="rule-channel-label"
              data={(['email', 'webhook'] as const).map((c) => ({
                value: c,
                label: t(`monitoringSetup.notifications.channels.${c}`),
              }))}
              value={values.channel}
              onChange={(v) =>
                setValues((current) => ({
                  ...current,
                  channel: v as NotificationRuleInput['channel'],
                  format: v === 'email' ? 'text' : 'json',
                }))
              }
            />
          </div>
          <Select
            label={n('team')}
            description={n('teamHint')}
            searchable
            allowDeselect={false}
            data={[{ value: NONE, label: n('noTeam') }, ...(teams.data ?? [])]}
            value={values.teamId ?? NONE}
            error={errors.teamId}
            onChange={(v) => set('teamId', v === NONE || !v ? null : v)}
          />
          <TextInput
            label={email ? n('targetEmail') : n('targetWebhook')}
            description={email ? n('targetEmailHint') : n('targetWebhookHint')}
            required={!email}
            type={email ? 'text' : 'url'}
            placeholder={email ? 'astreinte@example.com, noc@example.com' : 'https://hooks.slack.com/services/…'}
            value={values.target}
            error={errors.target}
            onChange={(e) => set('target', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {email ? (
              <TextInput
                label={n('format')}
                value={t('monitoringSetup.notifications.formats.text')}
                readOnly
                disabled
              />
            ) : (
              <Select
                label={n('format')}
                allowDeselect={false}
                data={formats.map((f) => ({ value: f, label: t(`monitoringSetup.notifications.formats.${f}`) }))}
                value={values.format}
                error={errors.format}
                onChange={(v) => set('format', (v ?? 'json') as NotificationRuleInput['format'])}
              />
            )}
            <NumberInput
              label={n('repeat')}
              description={n('repeatHint')}
              min={5}
              max={10080}
              allowDecimal={false}
              suffix=" min"
              value={values.repeatMinutes ?? ''}
              error={errors.repeatMinutes}
              onChange={(v) => set('repeatMinutes', v === '' ? null : Number(v))}
            />
          </SimpleGrid>
          <Switch
            label={n('enabled')}
            checked={values.enabled}
            onChange={(e) => set('enabled', e.currentTarget.checked)}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
