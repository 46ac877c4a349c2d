import { ActionIcon, Badge, Button, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamsApi, usersApi } from '../api/endpoints';
import type { Team } from '../api/types';
import { useMe } from '../auth/session-context';
import { ConfirmDeleteButton } from '../components/confirm-button';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { TeamFormModal } from '../components/team-form-modal';
import { notifyError } from '../lib/errors';
import { useClientOptions } from '../lib/use-lookups';

export function TeamsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = me.role === 'admin' || me.role === 'manager';
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => teamsApi.list({ limit: 200 }), enabled: allowed });
  const clients = useClientOptions(allowed);
  const users = useQuery({
    queryKey: ['users', 'options'],
    queryFn: () => usersApi.list({ limit: 200 }),
    enabled: allowed,
  });

  if (!allowed) return <NotFoundPage />;
  const clientNames = new Map((clients.data ?? []).map((c) => [c.value, c.label]));
  const userNames = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));

  const remove = async (team: Team) => {
    try {
      await teamsApi.remove(team.id);
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('teams.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('teams.new')}
        </Button>
      </Group>
      {!teams.data && <QueryState isLoading={teams.isLoading} error={teams.error} />}
      {teams.data && teams.data.items.length === 0 && <Text c="dimmed">{t('teams.empty')}</Text>}
      {teams.data && teams.data.items.length > 0 && (
        <Table striped aria-label={t('teams.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('teams.members')}</Table.Th>
              <Table.Th>{t('teams.clients')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.items.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td>
                  <Text fw={500}>{team.name}</Text>
                  {team.description && (
                    <Text size="xs" c="dimmed">
                      {team.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {team.memberIds.map((id) => (
                      <Badge key={id} variant="light" size="sm">
                        {userNames.get(id) ?? id.slice(0, 8)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {team.clientIds.map((id) => (
                      <Badge key={id} variant="outline" size="sm">
                        {clientNames.get(id) ?? id.slice(0, 8)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('teams.editNamed', { name: team.name })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('teams.editNamed', { name: team.name })}
                        onClick={() => setEditing(team)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <ConfirmDeleteButton
                      label={t('teams.deleteNamed', { name: team.name })}
                      message={t('teams.confirmDelete', { name: team.name })}
                      onConfirm={() => remove(team)}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <TeamFormModal team={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
