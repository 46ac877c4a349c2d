import { ActionIcon, Anchor, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractsApi } from '../api/endpoints';
import type { Client, Contract } from '../api/types';
import { notifyError } from '../lib/errors';
import { usePagedList } from '../lib/use-paged-list';
import { ConfirmDeleteButton } from './confirm-button';
import { ContractDetail } from './contract-detail';
import { ContractFormModal } from './contract-form-modal';
import { LoadMore } from './load-more';
import { QueryState } from './query-state';

const STATUS_COLORS = { draft: 'gray', active: 'green', suspended: 'orange', ended: 'dark' } as const;

export function ContractsTab({ client, editable }: { client: Client; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const [viewing, setViewing] = useState<Contract | null>(null);
  const list = usePagedList(['contracts', client.id], (cursor) => contractsApi.list(client.id, { cursor }));

  const remove = async (contract: Contract) => {
    try {
      await contractsApi.remove(contract.id);
      await queryClient.invalidateQueries({ queryKey: ['contracts', client.id] });
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
            {t('contracts.new')}
          </Button>
        </Group>
      )}
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && list.items.length === 0 && <Text c="dimmed">{t('contracts.empty')}</Text>}
      {list.items.length > 0 && (
        <Table striped aria-label={t('clientTabs.contracts')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.reference')}</Table.Th>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('contracts.kind')}</Table.Th>
              <Table.Th>{t('contracts.delivery')}</Table.Th>
              <Table.Th>{t('contracts.entryLevel')}</Table.Th>
              <Table.Th>{t('contracts.levelsKept')}</Table.Th>
              <Table.Th>{t('contracts.period')}</Table.Th>
              <Table.Th>{t('contracts.renewalNoticeOn')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              {editable && <Table.Th w={90} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => setViewing(c)}>
                    {c.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{t(`contractKind.${c.kind}`)}</Table.Td>
                <Table.Td>{t(`deliveryMode.${c.delivery}`)}</Table.Td>
                <Table.Td data-testid="entry-level">{c.entryLevel ? `N${c.entryLevel}` : '—'}</Table.Td>
                <Table.Td>
                  {c.levelsKeptByClient.length ? c.levelsKeptByClient.map((l) => `N${l}`).join(', ') : '—'}
                </Table.Td>
                <Table.Td>
                  {c.endsOn ? `${c.startsOn} → ${c.endsOn}` : t('contracts.openEnded', { start: c.startsOn })}
                </Table.Td>
                <Table.Td>{c.renewalNoticeOn ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[c.status]} variant="light" style={{ overflow: 'visible' }}>
                    {t(`contractStatus.${c.status}`)}
                  </Badge>
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('contracts.editNamed', { name: c.reference })}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('contracts.editNamed', { name: c.reference })}
                          onClick={() => setEditing(c)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <ConfirmDeleteButton
                        label={t('contracts.deleteNamed', { name: c.reference })}
                        message={t('contracts.confirmDelete', { name: c.reference })}
                        onConfirm={() => remove(c)}
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
        <ContractFormModal
          clientId={client.id}
          clientTimeZone={client.timeZone}
          contract={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {viewing && <ContractDetail contract={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}
