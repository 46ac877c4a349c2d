import { Badge, Button, Code, Group, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../api/endpoints';
import type { ApiToken } from '../api/types';
import { ConfirmDeleteButton } from '../components/confirm-button';
import { QueryState } from '../components/query-state';
import { TokenCreateModal } from '../components/token-create-modal';
import { notifyError } from '../lib/errors';
import { formatInstant } from '../lib/format-instant';

const date = formatInstant;

export function TokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: tokensApi.list });

  const revoke = async (token: ApiToken) => {
    try {
      await tokensApi.revoke(token.id);
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('tokens.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('tokens.new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('tokens.intro')}
      </Text>
      {!tokens.data && <QueryState isLoading={tokens.isLoading} error={tokens.error} />}
      {tokens.data && tokens.data.items.length === 0 && <Text c="dimmed">{t('tokens.empty')}</Text>}
      {tokens.data && tokens.data.items.length > 0 && (
        <Table striped aria-label={t('tokens.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('tokens.prefix')}</Table.Th>
              <Table.Th>{t('tokens.scopes')}</Table.Th>
              <Table.Th>{t('tokens.expires')}</Table.Th>
              <Table.Th>{t('tokens.lastUsed')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.items.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {token.scopes.map((s) => (
                      <Badge key={s} size="sm" variant="light">
                        {t(`tokenScope.${s}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{token.expiresAt ? date(token.expiresAt) : t('tokens.never')}</Table.Td>
                <Table.Td>{date(token.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    <Badge color="gray">{t('tokens.revokedOn', { date: date(token.revokedAt) })}</Badge>
                  ) : token.expiresAt && new Date(token.expiresAt) < new Date() ? (
                    <Badge color="orange">{t('tokens.expired')}</Badge>
                  ) : (
                    <Badge color="green">{t('tokens.valid')}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!token.revokedAt && (
                    <ConfirmDeleteButton
                      label={t('tokens.revokeNamed', { name: token.name })}
                      message={t('tokens.confirmRevoke', { name: token.name })}
                      confirmLabel={t('tokens.revoke')}
                      onConfirm={() => revoke(token)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <TokenCreateModal onClose={() => setCreating(false)} />}
    </>
  );
}
