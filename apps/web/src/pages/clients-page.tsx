import { Anchor, Badge, Button, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { clientsApi } from '../api/endpoints';
import { canWrite } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { ClientFormModal } from '../components/client-form-modal';
import { LoadMore } from '../components/load-more';
import { QueryState } from '../components/query-state';
import { SearchInput } from '../components/search-input';
import { usePagedList } from '../lib/use-paged-list';

type ActiveFilter = 'true' | 'false' | 'all';

export function ClientsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('true');
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  const list = usePagedList(['clients', { q, active }], (cursor) =>
    clientsApi.list({ q, active: active === 'all' ? undefined : active, cursor }),
  );

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('clients.title')}</Title>
        {canWrite(me, 'client') && (
          <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
            {t('clients.new')}
          </Button>
        )}
      </Group>
      <Group mb="md">
        <SearchInput label={t('clients.search')} value={q} onChange={setQ} />
        <SegmentedControl
          aria-label={t('clients.activeFilter')}
          value={active}
          onChange={(value) => setActive(value as ActiveFilter)}
          data={[
            { value: 'true', label: t('clients.active') },
            { value: 'false', label: t('clients.archived') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && (
        <Table highlightOnHover striped aria-label={t('clients.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clients.code')}</Table.Th>
              <Table.Th>{t('clients.name')}</Table.Th>
              <Table.Th>{t('clients.legalName')}</Table.Th>
              <Table.Th>{t('clients.timeZone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((client) => (
              <Table.Tr key={client.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/clients/${client.id}`)}>
                <Table.Td>
                  <Badge variant="outline">{client.code}</Badge>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/clients/${client.id}`} onClick={(e) => e.stopPropagation()}>
                    {client.name}
                  </Anchor>
                  {!client.active && (
                    <Badge ml="xs" color="gray" size="xs">
                      {t('clients.archived')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{client.legalName}</Table.Td>
                <Table.Td>{client.timeZone}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && list.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('clients.empty')}
        </Text>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {creating && (
        <ClientFormModal
          onClose={closeCreate}
          onSaved={(client) => {
            closeCreate();
            void navigate(`/clients/${client.id}`);
          }}
        />
      )}
    </>
  );
}
