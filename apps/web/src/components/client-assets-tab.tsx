import { Button, Group } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetsApi } from '../api/endpoints';
import { usePagedList } from '../lib/use-paged-list';
import { AssetFilters, type AssetFilterValues } from './asset-filters';
import { AssetFormModal } from './asset-form-modal';
import { AssetTable } from './asset-table';
import { CsvImportModal } from './csv-import-modal';
import { LoadMore } from './load-more';
import { QueryState } from './query-state';

export function ClientAssetsTab({ clientId, editable }: { clientId: string; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<AssetFilterValues>({
    clientId,
    type: null,
    criticality: null,
    status: null,
    q: '',
  });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = usePagedList(['assets', 'list', { ...filters, clientId }], (cursor) =>
    assetsApi.list({ ...filters, clientId, limit: 50, cursor }),
  );

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <AssetFilters value={filters} onChange={setFilters} showClient={false} />
        {editable && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              {t('imports.button')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('assets.new')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && <AssetTable assets={list.items} showClient={false} />}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {creating && (
        <AssetFormModal
          clientId={clientId}
          fixedClient
          onClose={() => setCreating(false)}
          onSaved={() => setCreating(false)}
        />
      )}
      {importing && (
        <CsvImportModal
          clientId={clientId}
          kind="assets"
          onClose={() => setImporting(false)}
          onImported={() => void queryClient.invalidateQueries({ queryKey: ['assets'] })}
        />
      )}
    </>
  );
}
