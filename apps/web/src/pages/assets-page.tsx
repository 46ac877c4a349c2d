import { Button, Group, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { assetsApi } from '../api/endpoints';
import { canWrite } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { AssetFilters, type AssetFilterValues } from '../components/asset-filters';
import { AssetFormModal } from '../components/asset-form-modal';
import { AssetTable } from '../components/asset-table';
import { LoadMore } from '../components/load-more';
import { QueryState } from '../components/query-state';
import { isClientRole } from '../lib/enums';
import { usePagedList } from '../lib/use-paged-list';

export function AssetsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const clientPerson = isClientRole(me.role);
  const [filters, setFilters] = useState<AssetFilterValues>({
    clientId: null,
    type: null,
    criticality: null,
    status: null,
    q: '',
  });
  const [creating, setCreating] = useState(false);

  const list = usePagedList(['assets', 'list', filters], (cursor) => assetsApi.list({ ...filters, limit: 50, cursor }));

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('assets.title')}</Title>
        {canWrite(me, 'asset') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('assets.new')}
          </Button>
        )}
      </Group>
      <AssetFilters value={filters} onChange={setFilters} showClient={!clientPerson} />
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && <AssetTable assets={list.items} showClient={!clientPerson} />}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {creating && (
        <AssetFormModal
          clientId={filters.clientId}
          onClose={() => setCreating(false)}
          onSaved={(asset) => {
            setCreating(false);
            void navigate(`/assets/${asset.id}`);
          }}
        />
      )}
    </>
  );
}
