import { Alert, Divider, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CHECK_KINDS, SERVER_CHECK_KINDS } from '@vigie/contracts';
import { useTranslation } from 'react-i18next';
import { type CheckInput, type CheckKind, type CheckView, checksApi } from '../api/monitoring-setup-endpoints';
import { handleFormError } from '../lib/errors';
import { changedFields, useFormState } from '../lib/form';
import { type CheckConfigDraft, CheckConfigFields, configOf, draftOf } from './check-config-fields';
import { FormActions } from './form-actions';
import { AssetPicker, type PickedAsset, useAssetHasAgent } from './monitoring-setup-pickers';

const AGENT_KINDS: CheckKind[] = ['plugin', 'service'];
/** Kinds offered in the form; `heartbeat` is created with the agent. */
const FORM_KINDS = CHECK_KINDS.filter((k) => k !== 'heartbeat');

/** A name suggested from the settings ("HTTP www.example.com"), used when the name is left empty. */
function suggestedName(kind: CheckKind, d: CheckConfigDraft): string {
  const label = kind.toUpperCase();
  if (kind === 'http') {
    try {
      return `${label} ${new URL(d.url).host}`;
    } catch {
      return label;
    }
  }
  if (kind === 'dns') return `DNS ${d.dnsName}`.trim();
  if (kind === 'plugin') return (d.command.split('\n')[0] ?? '').split('/').pop() || 'plugin';
  if (kind === 'service') return d.unit || 'service';
  if (kind === 'tcp' || kind === 'tls' || kind === 'snmp')
    return `${label} ${d.host}${d.port ? `:${d.port}` : ''}`.trim();
  return `${label} ${d.host}`.trim();
}

/** Creates or edits a check; the fields follow its kind; the server's refusals land on the fields. */
export function CheckFormModal({
  check,
  asset: presetAsset,
  lockAsset = false,
  onClose,
}: {
  check?: CheckView;
  /** Creating from an asset's page: the asset is fixed. */
  asset?: PickedAsset | null;
  /** The asset cannot be changed (the form opened from the asset's own page). */
  lockAsset?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, initialValues, set, setValues, errors, setErrors } = useFormState(() => ({
    asset: check
      ? { id: check.assetId, name: check.assetName, clientId: check.clientId, clientName: check.clientName }
      : (presetAsset ?? null),
    name: check?.name ?? '',
    kind: (check?.kind ?? 'http') as CheckKind,
    draft: draftOf(check?.config ?? null),
    intervalSeconds: check?.intervalSeconds ?? 60,
    timeoutMs: check?.timeoutMs ?? 10_000,
    maxAttempts: check?.maxAttempts ?? 3,
    hostCheck: check?.hostCheck ?? false,
    enabled: check?.enabled ?? true,
  }));
  const agent = useAssetHasAgent(values.asset);
  const agentKind = AGENT_KINDS.includes(values.kind);
  const f = (key: string) => t(`monitoringSetup.checkForm.${key}` as 'monitoringSetup.checkForm.host');

  const save = useMutation({
    mutationFn: () => {
      const body = (v: typeof values) => ({
        name: v.name.trim() || suggestedName(v.kind, v.draft),
        config: configOf(v.kind, v.draft),
        intervalSeconds: v.intervalSeconds,
        timeoutMs: v.timeoutMs,
        maxAttempts: v.maxAttempts,
        hostCheck: v.hostCheck,
        enabled: v.enabled,
      });
      if (check) return checksApi.update(check.id, changedFields(body(initialValues), body(values)));
      return checksApi.create({ assetId: values.asset?.id ?? '', ...body(values) } as CheckInput);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['monitoring-checks'] });
      void queryClient.invalidateQueries({ queryKey: ['asset-monitoring', saved.assetId] });
      notifications.show({ color: 'teal', message: t('monitoringSetup.checks.saved', { name: saved.name }) });
      onClose();
    },
    onError: (error) =>
      handleFormError(t, error, setErrors, [
        'assetId',
        'name',
        'config',
        'intervalSeconds',
        'timeoutMs',
        'maxAttempts',
        'hostCheck',
        'enabled',
      ]),
  });
  const setDraft = (patch: Partial<CheckConfigDraft>) => set('draft', { ...values.draft, ...patch });
  const toNumber = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number(v) || fallback);

  return (
    <Modal
      opened
      onClose={onClose}
      title={check ? t('monitoringSetup.checks.editNamed', { name: check.name }) : t('monitoringSetup.checks.new')}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        aria-label={check ? t('monitoringSetup.checks.edit') : t('monitoringSetup.checks.new')}
      >
        <Stack gap="sm">
          <AssetPicker
            label={f('asset')}
            required
            autoFocus={!check && !lockAsset}
            disabled={Boolean(check) || lockAsset}
            value={values.asset}
            onChange={(asset) => set('asset', asset)}
            error={errors.assetId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={f('kind')}
              required
              allowDeselect={false}
              data={FORM_KINDS.map((k) => ({
                value: k,
                label: t(`monitoringSetup.kinds.${k}`),
              }))}
              value={values.kind}
              onChange={(v) => {
                const kind = (v ?? 'http') as CheckKind;
                setValues((current) => ({ ...current, kind, hostCheck: check ? current.hostCheck : kind === 'icmp' }));
              }}
              error={errors['config.kind']}
            />
            <TextInput
              label={f('name')}
              placeholder={suggestedName(values.kind, values.draft)}
              description={f('nameHint')}
              value={values.name}
              error={errors.name}
              onChange={(e) => set('name', e.currentTarget.value)}
            />
          </SimpleGrid>
          {agentKind && values.asset && agent.known && !agent.hasAgent && (
            <Alert color="orange" data-testid="agent-only">
              {f('agentOnlyNoAgent')}
            </Alert>
          )}
          {agentKind && !values.asset && (
            <Text size="sm" c="dimmed">
              {f('agentOnly')}
            </Text>
          )}
          <Divider label={f('settings')} labelPosition="left" />
          <CheckConfigFields kind={values.kind} draft={values.draft} onChange={setDraft} errors={errors} />
          <Divider label={f('schedule')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={f('intervalSeconds')}
              min={10}
              max={86400}
              suffix=" s"
              allowDecimal={false}
              value={values.intervalSeconds}
              error={errors.intervalSeconds}
              onChange={(v) => set('intervalSeconds', toNumber(v, 60))}
            />
            <NumberInput
              label={f('timeoutMs')}
              min={100}
              max={60000}
              step={500}
              suffix=" ms"
              allowDecimal={false}
              value={values.timeoutMs}
              error={errors.timeoutMs}
              onChange={(v) => set('timeoutMs', toNumber(v, 10_000))}
            />
            <NumberInput
              label={f('maxAttempts')}
              description={f('maxAttemptsHint')}
              min={1}
              max={10}
              allowDecimal={false}
              value={values.maxAttempts}
              error={errors.maxAttempts}
              onChange={(v) => set('maxAttempts', toNumber(v, 3))}
            />
          </SimpleGrid>
          {SERVER_CHECK_KINDS.includes(values.kind as (typeof SERVER_CHECK_KINDS)[number]) && (
            <Switch
              label={f('hostCheck')}
              description={f('hostCheckHint')}
              checked={values.hostCheck}
              onChange={(e) => set('hostCheck', e.currentTarget.checked)}
            />
          )}
          <Switch
            label={f('enabled')}
            checked={values.enabled}
            onChange={(e) => set('enabled', e.currentTarget.checked)}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
