import {
  Divider,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contractsApi } from '../api/endpoints';
import type { Contract } from '../api/types';
import { contractInput, contractValues } from '../lib/contract-form';
import { CONTRACT_KINDS, CONTRACT_STATUSES, DELIVERY_MODES, SCOPE_DOMAINS, type ScopeDomain } from '../lib/enums';
import { handleFormError } from '../lib/errors';
import { changedFields, errorsUnder, useFormState } from '../lib/form';
import { CalendarEditor } from './calendar-editor';
import { FormActions } from './form-actions';
import { HourBankEditor } from './hour-bank-editor';
import { SlaTargetsEditor } from './sla-targets-editor';
import { SupportLevelsInput } from './support-levels-input';

const FIELDS = [
  'reference',
  'name',
  'kind',
  'delivery',
  'scopeDomains',
  'supportLevels',
  'slaPolicy',
  'calendar',
  'hourBank',
  'startsOn',
  'endsOn',
  'autoRenew',
  'renewalNoticeDays',
  'status',
  'notes',
];

export function ContractFormModal({
  clientId,
  clientTimeZone,
  contract,
  onClose,
}: {
  clientId: string;
  clientTimeZone: string;
  contract?: Contract;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, initialValues, set, errors, setErrors } = useFormState(() =>
    contractValues(contract, clientTimeZone),
  );

  const save = useMutation({
    mutationFn: () => {
      const input = contractInput(values, contract?.slaPolicy.olaMinutes);
      return contract
        ? contractsApi.update(
            contract.id,
            changedFields(contractInput(initialValues, contract.slaPolicy.olaMinutes), input),
          )
        : contractsApi.create(clientId, input);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['contracts', clientId] });
      onClose();
    },
    onError: (error) => handleFormError(t, error, setErrors, FIELDS),
  });

  return (
    <Modal opened onClose={onClose} title={contract ? t('contracts.edit') : t('contracts.new')} size="70rem">
      <form
        aria-label={contract ? t('contracts.edit') : t('contracts.new')}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput
              label={t('contracts.reference')}
              required
              value={values.reference}
              error={errors.reference}
              onChange={(e) => set('reference', e.currentTarget.value)}
            />
            <TextInput
              label={t('common.name')}
              required
              value={values.name}
              error={errors.name}
              onChange={(e) => set('name', e.currentTarget.value)}
            />
            <Select
              label={t('common.status')}
              allowDeselect={false}
              data={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contractStatus.${s}`) }))}
              value={values.status}
              error={errors.status}
              onChange={(v) => v && set('status', v as typeof values.status)}
            />
            <Select
              label={t('contracts.kind')}
              allowDeselect={false}
              data={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`contractKind.${k}`) }))}
              value={values.kind}
              error={errors.kind}
              onChange={(v) => v && set('kind', v as typeof values.kind)}
            />
            <Select
              label={t('contracts.delivery')}
              allowDeselect={false}
              data={DELIVERY_MODES.map((d) => ({ value: d, label: t(`deliveryMode.${d}`) }))}
              value={values.delivery}
              error={errors.delivery}
              onChange={(v) => v && set('delivery', v as typeof values.delivery)}
            />
            <SupportLevelsInput
              value={values.supportLevels}
              onChange={(v) => set('supportLevels', v)}
              error={errors.supportLevels}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('contracts.scopeDomains')}
            required
            data={SCOPE_DOMAINS.map((d) => ({ value: d, label: t(`scopeDomain.${d}`) }))}
            value={values.scopeDomains}
            error={errors.scopeDomains}
            onChange={(v) => set('scopeDomains', v as ScopeDomain[])}
            searchable
            clearable
          />
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <TextInput
              type="date"
              label={t('contracts.startsOn')}
              required
              value={values.startsOn}
              error={errors.startsOn}
              onChange={(e) => set('startsOn', e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('contracts.endsOn')}
              value={values.endsOn}
              error={errors.endsOn}
              onChange={(e) => set('endsOn', e.currentTarget.value)}
            />
            <NumberInput
              label={t('contracts.renewalNoticeDays')}
              min={0}
              max={365}
              value={values.renewalNoticeDays}
              error={errors.renewalNoticeDays}
              onChange={(v) => set('renewalNoticeDays', typeof v === 'number' ? v : Number(v) || 0)}
            />
            <Switch
              mt="xl"
              label={t('contracts.autoRenew')}
              checked={values.autoRenew}
              onChange={(e) => set('autoRenew', e.currentTarget.checked)}
            />
          </SimpleGrid>
          <Divider />
          <SlaTargetsEditor
            value={values.sla}
            onChange={(v) => set('sla', v)}
            errors={errorsUnder(errors, 'slaPolicy')}
          />
          <Divider />
          <CalendarEditor
            value={values.calendar}
            onChange={(v) => set('calendar', v)}
            errors={errorsUnder(errors, 'calendar')}
          />
          <Divider />
          <HourBankEditor
            value={values.hourBank}
            onChange={(v) => set('hourBank', v)}
            errors={errorsUnder(errors, 'hourBank')}
          />
          <Textarea
            label={t('common.notes')}
            autosize
            minRows={2}
            value={values.notes}
            error={errors.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
