import { ActionIcon, Badge, Button, Group, Paper, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketCategoriesApi } from '../api/ticket-endpoints';
import type { TicketCategory } from '../api/types';
import { notifyError } from '../lib/errors';
import { useTeamOptions, useTicketCategories } from '../lib/use-ticket-lookups';
import { CategoryFormModal } from './category-form-modal';
import { ConfirmDeleteButton } from './confirm-button';
import { QueryState } from './query-state';

/** Ticket categories: list, create, edit, deactivate (kept on old tickets) or delete (never used). */
export function CategoriesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const categories = useTicketCategories();
  const teams = new Map(useTeamOptions().map((o) => [o.value, o.label]));
  const [editing, setEditing] = useState<TicketCategory | 'new' | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['ticket-categories'] });
  const setActive = async (category: TicketCategory, active: boolean) => {
    try {
      await ticketCategoriesApi.update(category.id, { active });
      await refresh();
    } catch (error) {
      notifyError(t, error);
    }
  };
  const remove = async (category: TicketCategory) => {
    try {
      await ticketCategoriesApi.remove(category.id);
      await refresh();
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={t('categories.title')}>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('categories.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('categories.new')}
        </Button>
      </Group>
      {!categories.data && <QueryState isLoading={categories.isLoading} error={categories.error} />}
      {categories.data && categories.data.length === 0 && <Text c="dimmed">{t('categories.empty')}</Text>}
      {categories.data && categories.data.length > 0 && (
        <Table striped aria-label={t('categories.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('categories.scopeDomain')}</Table.Th>
              <Table.Th>{t('categories.defaultTeam')}</Table.Th>
              <Table.Th>{t('categories.active')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.data.map((category) => (
              <Table.Tr key={category.id}>
                <Table.Td>
                  {category.name}
                  {!category.active && (
                    <Badge ml="xs" size="xs" color="gray">
                      {t('categories.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {category.scopeDomain
                    ? t(`scopeDomain.${category.scopeDomain}` as 'scopeDomain.network', category.scopeDomain)
                    : '—'}
                </Table.Td>
                <Table.Td>{category.defaultTeamId ? (teams.get(category.defaultTeamId) ?? '…') : '—'}</Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('categories.activeNamed', { name: category.name })}
                    checked={category.active}
                    onChange={(event) => void setActive(category, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('categories.editNamed', { name: category.name })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('categories.editNamed', { name: category.name })}
                        onClick={() => setEditing(category)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <ConfirmDeleteButton
                      label={t('categories.deleteNamed', { name: category.name })}
                      message={t('categories.confirmDelete', { name: category.name })}
                      onConfirm={() => remove(category)}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <CategoryFormModal category={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Paper>
  );
}
