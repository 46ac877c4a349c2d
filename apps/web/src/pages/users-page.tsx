import { ActionIcon, Badge, Button, Group, Select, Table, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout2, IconMailForward, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../api/endpoints';
import type { User } from '../api/types';
import { useMe } from '../auth/session-context';
import { LoadMore } from '../components/load-more';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { SearchInput } from '../components/search-input';
import { UserFormModal } from '../components/user-form-modal';
import { ROLES } from '../lib/enums';
import { notifyError } from '../lib/errors';
import { formatInstant } from '../lib/format-instant';
import { useClientOptions } from '../lib/use-lookups';
import { usePagedList } from '../lib/use-paged-list';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = me.role === 'admin';
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const clients = useClientOptions(admin);
  const list = usePagedList(['users', { q, role }], (cursor) => usersApi.list({ q, role, cursor }), admin);

  if (!admin) return <NotFoundPage />;
  const clientNames = new Map((clients.data ?? []).map((c) => [c.value, c.label]));

  const revoke = async (user: User) => {
    try {
      await usersApi.revokeSessions(user.id);
      notifications.show({ color: 'green', message: t('users.sessionsRevoked', { name: user.name }) });
    } catch (error) {
      notifyError(t, error);
    }
  };

  const invite = async (user: User) => {
    try {
      await usersApi.invite(user.id);
      notifications.show({ color: 'green', message: t('users.invitationSent', { email: user.email }) });
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('users.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('users.new')}
        </Button>
      </Group>
      <Group mb="md">
        <SearchInput label={t('users.search')} value={q} onChange={setQ} />
        <Select
          aria-label={t('users.role')}
          placeholder={t('users.role')}
          clearable
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={setRole}
        />
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && (
        <Table striped aria-label={t('users.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('common.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('common.client')}</Table.Th>
              <Table.Th>{t('users.supportLevel')}</Table.Th>
              <Table.Th>{t('users.lastLogin')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th w={120} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.name}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                <Table.Td>{user.clientId ? (clientNames.get(user.clientId) ?? user.clientId) : '—'}</Table.Td>
                <Table.Td>{user.supportLevel ? `N${user.supportLevel}` : '—'}</Table.Td>
                <Table.Td>{formatInstant(user.lastLoginAt)}</Table.Td>
                <Table.Td>
                  <Badge color={user.active ? 'green' : 'gray'} variant="light">
                    {user.active ? t('users.active') : t('users.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('users.editNamed', { name: user.name })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('users.editNamed', { name: user.name })}
                        onClick={() => setEditing(user)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('users.inviteNamed', { name: user.name })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('users.inviteNamed', { name: user.name })}
                        onClick={() => void invite(user)}
                      >
                        <IconMailForward size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('users.revokeNamed', { name: user.name })}>
                      <ActionIcon
                        variant="subtle"
                        color="orange"
                        aria-label={t('users.revokeNamed', { name: user.name })}
                        onClick={() => void revoke(user)}
                      >
                        <IconLogout2 size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {editing && <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
