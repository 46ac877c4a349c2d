import { ActionIcon, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sitesApi } from '../api/endpoints';
import type { Site } from '../api/types';
import { notifyError } from '../lib/errors';
import { usePagedList } from '../lib/use-paged-list';
import { ConfirmDeleteButton } from './confirm-button';
import { LoadMore } from './load-more';
import { QueryState } from './query-state';
import { SiteFormModal } from './site-form-modal';

export function SitesTab({ clientId, editable }: { clientId: string; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const list = usePagedList(['sites', clientId], (cursor) => sitesApi.list(clientId, { cursor }));

  const remove = async (site: Site) => {
    try {
      await sitesApi.remove(site.id);
      await queryClient.invalidateQueries({ queryKey: ['sites', clientId] });
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <>
      {editable && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('sites.new')}
          </Button>
        </Group>
      )}
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && list.items.length === 0 && <Text c="dimmed">{t('sites.empty')}</Text>}
      {list.items.length > 0 && (
        <Table striped aria-label={t('clientTabs.sites')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('address.city')}</Table.Th>
              <Table.Th>{t('common.phone')}</Table.Th>
              <Table.Th>{t('sites.timeZone')}</Table.Th>
              {editable && <Table.Th w={90} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((site) => (
              <Table.Tr key={site.id}>
                <Table.Td>{site.name}</Table.Td>
                <Table.Td>{[site.address.postalCode, site.address.city].filter(Boolean).join(' ')}</Table.Td>
                <Table.Td>{site.phone}</Table.Td>
                <Table.Td>{site.timeZone ?? '—'}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('sites.editNamed', { name: site.name })}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('sites.editNamed', { name: site.name })}
                          onClick={() => setEditing(site)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <ConfirmDeleteButton
                        label={t('sites.deleteNamed', { name: site.name })}
                        message={t('sites.confirmDelete', { name: site.name })}
                        onConfirm={() => remove(site)}
                      />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {editing && (
        <SiteFormModal
          clientId={clientId}
          site={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
