import { Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MAINTENANCE_SCOPES } from '@vigie/contracts';
import { useTranslation } from 'react-i18next';
import { clientsApi } from '../api/endpoints';
import { type MaintenanceInput, type MaintenanceView, maintenanceApi } from '../api/monitoring-setup-endpoints';
import { handleFormError } from '../lib/errors';
import { changedFields, useFormState } from '../lib/form';
import { localDateTimeToIso } from '../lib/local-date';
import { timeZones } from '../lib/time-zones';
import { useClientSites } from '../lib/use-client-sites';
import { useClientOptions } from '../lib/use-lookups';
import { DurationInput } from './duration-input';
import { FormActions } from './form-actions';
import {
  type Recurrence,
  RecurrenceFields,
  recurrenceOf,
  rruleOf,
  WEEKDAYS,
  type Weekday,
} from './maintenance-recurrence';
import { AssetPicker, type PickedAsset, useCheckOptions } from './monitoring-setup-pickers';

type Scope = (typeof MAINTENANCE_SCOPES)[number];

/** The browser's IANA zone: the zone start times are typed in. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An instant as a `datetime-local` value in the browser's zone. */
function localInputOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The recurrence's day follows the start while the person has not chosen another: a weekly window still on the old
 * start's weekday moves to the new one, and a monthly one on the old day of the month likewise.
 */
function followStart(r: Recurrence, before: string, after: string): Recurrence {
  const was = new Date(before);
  const now = new Date(after);
  if (Number.isNaN(was.getTime()) || Number.isNaN(now.getTime())) return r;
  const weekday = (d: Date) => WEEKDAYS[(d.getDay() + 6) % 7] as Weekday;
  const weekdays = r.weekdays.length === 1 && r.weekdays[0] === weekday(was) ? [weekday(now)] : r.weekdays;
  const monthDay = r.monthDay === was.getDate() ? now.getDate() : r.monthDay;
  return { ...r, weekdays, monthDay };
}

/** Creates or edits a maintenance window: what it covers, when, how long, and how it repeats. */
export function MaintenanceFormModal({
  window: existing,
  day,
  onClose,
}: {
  window?: MaintenanceView;
  /** A new window on this day (chosen in the calendar), starting at 22:00. */
  day?: Date;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useClientOptions();
  const start = existing
    ? new Date(existing.startsAt)
    : (() => {
        const d = day ? new Date(day) : new Date(Date.now() + 86_400_000);
        d.setHours(22, 0, 0, 0);
        return d;
      })();
  const { values, initialValues, set, setValues, errors, setErrors } = useFormState(() => ({
    clientId: existing?.clientId ?? (null as string | null),
    scope: (existing?.scope ?? 'client') as Scope,
    scopeId: existing?.scopeId ?? (null as string | null),
    scopeAsset:
      existing?.scope === 'asset'
        ? ({
            id: existing.scopeId,
            name: existing.scopeName,
            clientId: existing.clientId,
            clientName: existing.clientName,
          } as PickedAsset)
        : null,
    title: existing?.title ?? '',
    start: localInputOf(start),
    durationMinutes: existing?.durationMinutes ?? 120,
    recurrence: recurrenceOf(existing?.rrule, start),
    // a new window follows the client's zone unless another is chosen (null: nothing sent, the server uses the client's)
    timeZone: existing?.timeZone ?? (null as string | null),
  }));
  const client = useQuery({
    queryKey: ['client', values.clientId],
    queryFn: () => clientsApi.get(values.clientId ?? ''),
    enabled: Boolean(values.clientId),
  });
  const clientZone = values.clientId ? client.data?.timeZone : undefined;
  const appliedZone = values.timeZone ?? clientZone;
  const sites = useClientSites(values.scope === 'site' ? values.clientId : null);
  const checks = useCheckOptions(values.scope === 'check' ? values.clientId : null);
  const m = (key: string) => t(`monitoringSetup.maintenance.${key}` as 'monitoringSetup.maintenance.title');

  const inputOf = (v: typeof values): MaintenanceInput => ({
    clientId: v.clientId ?? '',
    scope: v.scope,
    scopeId: (v.scope === 'client' ? v.clientId : v.scopeId) ?? '',
    title: v.title,
    startsAt: localDateTimeToIso(v.start) ?? '',
    durationMinutes: v.durationMinutes,
    rrule: rruleOf(v.recurrence),
    ...(v.timeZone ? { timeZone: v.timeZone } : {}),
  });
  const save = useMutation({
    mutationFn: () => {
      if (!existing) return maintenanceApi.create(inputOf(values));
      const { clientId: _client, ...patch } = changedFields(inputOf(initialValues), inputOf(values));
      // removing the recurrence is sent as null: an absent field would leave it as it was
      return maintenanceApi.update(existing.id, 'rrule' in patch ? { ...patch, rrule: patch.rrule ?? null } : patch);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['monitoring-maintenance'] });
      notifications.show({ color: 'teal', message: t('monitoringSetup.maintenance.saved', { title: saved.title }) });
      onClose();
    },
    onError: (error) =>
      handleFormError(t, error, setErrors, [
        'clientId',
        'scope',
        'scopeId',
        'title',
        'startsAt',
        'durationMinutes',
        'rrule',
        'timeZone',
      ]),
  });

  const scopeError = errors.scopeId;
  return (
    <Modal
      opened
      onClose={onClose}
      title={existing ? t('monitoringSetup.maintenance.edit') : t('monitoringSetup.maintenance.new')}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={m('titleField')}
            required
            data-autofocus
            placeholder={m('titlePlaceholder')}
            value={values.title}
            error={errors.title}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          <Select
            label={t('common.client')}
            required
            searchable
            disabled={Boolean(existing)}
            data={clients.data ?? []}
            value={values.clientId}
            error={errors.clientId}
            onChange={(clientId) => setValues((v) => ({ ...v, clientId, scopeId: null, scopeAsset: null }))}
          />
          <Input.Wrapper label={m('scope')} labelElement="div" id="maintenance-scope">
            <SegmentedControl
              aria-label={m('scope')}
              fullWidth
              data={MAINTENANCE_SCOPES.map((s) => ({ value: s, label: t(`monitoringSetup.maintenance.scopes.${s}`) }))}
              value={values.scope}
              onChange={(scope) => setValues((v) => ({ ...v, scope: scope as Scope, scopeId: null, scopeAsset: null }))}
            />
          </Input.Wrapper>
          {values.scope === 'site' && (
            <Select
              label={m('scopes.site')}
              required
              searchable
              disabled={!values.clientId}
              data={sites.data ?? []}
              value={values.scopeId}
              error={scopeError}
              onChange={(v) => set('scopeId', v)}
            />
          )}
          {values.scope === 'asset' && (
            <AssetPicker
              label={m('scopes.asset')}
              required
              clientId={values.clientId}
              disabled={!values.clientId}
              value={values.scopeAsset}
              error={scopeError}
              onChange={(asset) => setValues((v) => ({ ...v, scopeAsset: asset, scopeId: asset?.id ?? null }))}
            />
          )}
          {values.scope === 'check' && (
            <Select
              label={m('scopes.check')}
              required
              searchable
              disabled={!values.clientId}
              data={checks.data ?? []}
              value={values.scopeId}
              error={scopeError}
              nothingFoundMessage={m('noCheck')}
              onChange={(v) => set('scopeId', v)}
            />
          )}
          {values.scope === 'client' && scopeError && (
            <Text size="xs" c="red">
              {scopeError}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={m('start')}
              description={t('monitoringSetup.maintenance.startHint', { zone: browserZone() })}
              required
              value={values.start}
              error={errors.startsAt}
              onChange={(e) => {
                const start = e.currentTarget.value;
                setValues((v) => ({ ...v, start, recurrence: followStart(v.recurrence, v.start, start) }));
              }}
            />
            <Input.Wrapper label={m('duration')} labelElement="div" required error={errors.durationMinutes}>
              <DurationInput
                label={m('duration')}
                hoursLabel={t('time.h')}
                minutesLabel={t('time.min')}
                value={values.durationMinutes}
                onChange={(v) => set('durationMinutes', v)}
              />
            </Input.Wrapper>
          </SimpleGrid>
          <RecurrenceFields value={values.recurrence} onChange={(r) => set('recurrence', r)} error={errors.rrule} />
          <Select
            label={m('timeZone')}
            description={
              appliedZone
                ? t('monitoringSetup.maintenance.timeZoneApplies', {
                    zone: appliedZone,
                    hint: m('timeZoneHint'),
                  })
                : m('timeZoneHint')
            }
            placeholder={
              clientZone ? t('monitoringSetup.maintenance.clientZone', { zone: clientZone }) : m('clientZoneUnknown')
            }
            searchable
            // a new window may go back to the client's zone; a saved one keeps a zone (the patch cannot unset it)
            clearable={!existing}
            allowDeselect={!existing}
            data={timeZones()}
            value={values.timeZone}
            error={errors.timeZone}
            onChange={(v) => set('timeZone', v)}
            data-testid="maintenance-time-zone"
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
