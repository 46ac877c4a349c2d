import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../api/endpoints';
import type { CreatedApiToken } from '../api/types';
import { useMe } from '../auth/session-context';
import { TOKEN_SCOPES } from '../lib/enums';
import { handleFormError } from '../lib/errors';
import { useFormState } from '../lib/form';

type Scope = (typeof TOKEN_SCOPES)[number];

export function TokenCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const { values, set, errors, setErrors } = useFormState({
    name: '',
    scopes: ['read'] as Scope[],
    expiresInDays: 90 as number,
    neverExpires: false,
  });

  const create = useMutation({
    mutationFn: () =>
      tokensApi.create({
        name: values.name,
        scopes: values.scopes,
        expiresInDays: values.neverExpires ? null : values.expiresInDays,
      }),
    onSuccess: (result) => {
      setCreated(result);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => handleFormError(t, error, setErrors, ['name', 'scopes', 'expiresInDays']),
  });

  if (created) {
    return (
      <Modal opened onClose={onClose} title={t('tokens.created')} size="lg" closeOnClickOutside={false}>
        <Stack>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('tokens.onceTitle')}>
            {t('tokens.onceText')}
          </Alert>
          <Group wrap="nowrap" align="center">
            <Code block data-testid="token-secret" style={{ flex: 1, wordBreak: 'break-all' }}>
              {created.secret}
            </Code>
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'green' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('tokens.done')}</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('tokens.new')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('common.name')}
            required
            value={values.name}
            error={errors.name}
            onChange={(e) => set('name', e.currentTarget.value)}
          />
          <Checkbox.Group
            label={t('tokens.scopes')}
            value={values.scopes}
            error={errors.scopes}
            onChange={(v) => set('scopes', v as Scope[])}
          >
            <Group mt={6}>
              {TOKEN_SCOPES.filter((s) => s !== 'admin' || me.role === 'admin').map((scope) => (
                <Checkbox key={scope} value={scope} label={t(`tokenScope.${scope}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group align="flex-end">
            <NumberInput
              label={t('tokens.expiresInDays')}
              min={1}
              max={730}
              disabled={values.neverExpires}
              value={values.expiresInDays}
              error={errors.expiresInDays}
              onChange={(v) => set('expiresInDays', typeof v === 'number' ? v : Number(v) || 1)}
            />
            {me.role === 'admin' && (
              <Switch
                mb={8}
                label={t('tokens.neverExpires')}
                checked={values.neverExpires}
                onChange={(e) => set('neverExpires', e.currentTarget.checked)}
              />
            )}
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
