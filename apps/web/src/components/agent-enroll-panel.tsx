import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EnrollmentCreatedView, enrollmentsApi } from '../api/monitoring-setup-endpoints';
import { handleFormError } from '../lib/errors';
import { useFormState } from '../lib/form';
import { formatInstant } from '../lib/format-instant';
import { useClientSites } from '../lib/use-client-sites';
import { useClientOptions } from '../lib/use-lookups';

/** A secret in a code block with its copy button. */
function CopyBlock({ value, label, testId }: { value: string; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group wrap="nowrap" align="flex-start">
        <Code block data-testid={testId} style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
              aria-label={`${copied ? t('monitoringSetup.enroll.copied') : t('monitoringSetup.enroll.copy')}: ${label}`}
            >
              {copied ? t('monitoringSetup.enroll.copied') : t('monitoringSetup.enroll.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/**
 * "Enroll a machine": pick the client (a label, how long the token stays valid), then the one-line install command
 * and its token, shown once.
 */
export function AgentEnrollPanel({ defaultClientId }: { defaultClientId?: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useClientOptions();
  const [created, setCreated] = useState<EnrollmentCreatedView | null>(null);
  const { values, set, setValues, errors, setErrors, reset } = useFormState(() => ({
    clientId: defaultClientId ?? (null as string | null),
    siteId: null as string | null,
    label: '',
    expiresInHours: 24,
  }));
  const sites = useClientSites(values.clientId);
  const e = (key: string) => t(`monitoringSetup.enroll.${key}` as 'monitoringSetup.enroll.title');

  const create = useMutation({
    mutationFn: () =>
      enrollmentsApi.create({
        clientId: values.clientId ?? '',
        siteId: values.siteId ?? undefined,
        label: values.label,
        expiresInHours: values.expiresInHours,
      }),
    onSuccess: (result) => {
      setCreated(result);
      void queryClient.invalidateQueries({ queryKey: ['monitoring-enrollments'] });
    },
    onError: (error) => handleFormError(t, error, setErrors, ['clientId', 'siteId', 'label', 'expiresInHours']),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="enroll-title" data-testid="enroll-panel">
      <Title order={3} size="h4" id="enroll-title" mb={4}>
        {e('title')}
      </Title>
      {created ? (
        <Stack gap="sm">
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={e('onceTitle')}>
            {t('monitoringSetup.enroll.onceText', { date: formatInstant(created.expiresAt) })}
          </Alert>
          <CopyBlock value={created.installCommand} label={e('command')} testId="install-command" />
          <CopyBlock value={created.token} label={e('token')} testId="enrollment-token" />
          <Text size="sm" c="dimmed">
            {e('after')}
          </Text>
          <Group justify="flex-end">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => {
                setCreated(null);
                reset({ clientId: values.clientId, siteId: null, label: '', expiresInHours: 24 });
              }}
            >
              {e('another')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <Text size="sm" c="dimmed" mb="sm">
            {e('intro')}
          </Text>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('common.client')}
                required
                searchable
                data={clients.data ?? []}
                value={values.clientId}
                error={errors.clientId}
                onChange={(clientId) => setValues((v) => ({ ...v, clientId, siteId: null }))}
              />
              <Select
                label={e('site')}
                description={e('siteHint')}
                clearable
                searchable
                disabled={!values.clientId}
                data={sites.data ?? []}
                value={values.siteId}
                error={errors.siteId}
                onChange={(v) => set('siteId', v)}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={e('label')}
                description={e('labelHint')}
                required
                value={values.label}
                error={errors.label}
                onChange={(event) => set('label', event.currentTarget.value)}
              />
              <NumberInput
                label={e('validity')}
                description={e('validityHint')}
                min={1}
                max={720}
                suffix=" h"
                allowDecimal={false}
                value={values.expiresInHours}
                error={errors.expiresInHours}
                onChange={(v) => set('expiresInHours', typeof v === 'number' ? v : Number(v) || 24)}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {e('create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
