import {
  Alert,
  Button,
  Checkbox,
  Group,
  Kbd,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ticketsApi } from '../api/ticket-endpoints';
import type { CallerMatch } from '../api/types';
import type { Severity } from '../lib/enums';
import { handleFormError } from '../lib/errors';
import { useFormState } from '../lib/form';
import { useClientOptions, useContactOptions } from '../lib/use-lookups';
import { useCategoryOptions, useClientAssetOptions } from '../lib/use-ticket-lookups';
import { CallerSelect } from './caller-select';
import { ImpactUrgencyFields } from './impact-urgency-fields';

const FIELDS = [
  'clientId',
  'requesterContactId',
  'title',
  'description',
  'impact',
  'urgency',
  'categoryId',
  'assetIds',
];

/**
 * Logging a phone call in a few keystrokes: type the caller, pick the match (client and contact fill in), a title,
 * Ctrl+Enter. The technician takes the ticket at once unless they untick "I take it now".
 */
export function PhoneLogModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { values, set, setValues, errors, setErrors } = useFormState(() => ({
    clientId: null as string | null,
    requesterContactId: null as string | null,
    title: '',
    description: '',
    impact: 3 as Severity,
    urgency: 3 as Severity,
    categoryId: null as string | null,
    assetIds: [] as string[],
    takeNow: true,
  }));
  const [caller, setCaller] = useState<CallerMatch | null>(null);
  const clients = useClientOptions();
  const contacts = useContactOptions(values.clientId);
  const categories = useCategoryOptions();
  const assets = useClientAssetOptions(values.clientId);

  const create = useMutation({
    mutationFn: () =>
      ticketsApi.create({
        clientId: values.clientId ?? '',
        requesterContactId: values.requesterContactId,
        title: values.title,
        description: values.description,
        impact: values.impact,
        urgency: values.urgency,
        categoryId: values.categoryId,
        assetIds: values.assetIds,
        source: 'phone',
        takeNow: values.takeNow,
      }),
    onSuccess: (ticket) => {
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      onClose();
      void navigate(`/tickets/${ticket.id}`);
    },
    onError: (error) => handleFormError(t, error, setErrors, FIELDS),
  });
  const submit = () => {
    if (!values.clientId) {
      setErrors({ clientId: t('phoneLog.clientRequired') });
      return;
    }
    if (!create.isPending) create.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={t('phoneLog.title')} size="xl">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
      >
        <Stack gap="sm">
          <CallerSelect
            autoFocus
            onPick={(match) => {
              setCaller(match);
              setValues((v) => ({
                ...v,
                clientId: match.clientId,
                requesterContactId: match.contact?.id ?? null,
                assetIds: v.clientId === match.clientId ? v.assetIds : [],
              }));
            }}
          />
          {caller && caller.clientId === values.clientId && (
            <Text size="sm" c={caller.openTickets > 0 ? 'orange.8' : 'dimmed'} data-testid="caller-open-tickets">
              {t('phoneLog.clientOpenTickets', { client: caller.clientName, count: caller.openTickets })}
            </Text>
          )}
          <Group grow align="flex-start">
            <Select
              label={t('common.client')}
              data={clients.data ?? []}
              value={values.clientId}
              error={errors.clientId}
              onChange={(clientId) => setValues((v) => ({ ...v, clientId, requesterContactId: null, assetIds: [] }))}
              searchable
              required
            />
            <Select
              label={t('tickets.requester')}
              data={contacts.data ?? []}
              value={values.requesterContactId}
              error={errors.requesterContactId}
              onChange={(id) => set('requesterContactId', id)}
              disabled={!values.clientId}
              searchable
              clearable
            />
          </Group>
          <TextInput
            label={t('tickets.titleField')}
            required
            value={values.title}
            error={errors.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            maxLength={200}
          />
          <Textarea
            label={t('tickets.description')}
            autosize
            minRows={3}
            maxRows={10}
            value={values.description}
            error={errors.description}
            onChange={(event) => set('description', event.currentTarget.value)}
          />
          <ImpactUrgencyFields
            impact={values.impact}
            urgency={values.urgency}
            onChange={(next) => setValues((v) => ({ ...v, ...next }))}
          />
          <Group grow align="flex-start">
            <Select
              label={t('tickets.category')}
              data={categories}
              value={values.categoryId}
              error={errors.categoryId}
              onChange={(id) => set('categoryId', id)}
              searchable
              clearable
            />
            <MultiSelect
              label={t('tickets.assets')}
              data={assets}
              value={values.assetIds}
              error={errors.assetIds}
              onChange={(ids) => set('assetIds', ids)}
              disabled={!values.clientId}
              searchable
              clearable
            />
          </Group>
          {errors[''] && <Alert color="red">{errors['']}</Alert>}
          <Group justify="space-between">
            <Checkbox
              label={t('phoneLog.takeNow')}
              checked={values.takeNow}
              onChange={(event) => set('takeNow', event.currentTarget.checked)}
            />
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={create.isPending}
                rightSection={
                  <Kbd size="xs" aria-hidden>
                    Ctrl+Enter
                  </Kbd>
                }
              >
                {t('phoneLog.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
