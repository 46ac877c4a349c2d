import { Button, Group, Select, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { CHECK_KINDS } from '@vigie/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { assetsApi } from '../api/endpoints';
import { type CheckView, checksApi } from '../api/monitoring-setup-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useCheckActions } from '../components/check-actions';
import { CheckFormModal } from '../components/check-form-modal';
import { CheckTable } from '../components/check-table';
import { LoadMore } from '../components/load-more';
import { AssetPicker } from '../components/monitoring-setup-pickers';
import { QueryState } from '../components/query-state';
import { useClientOptions } from '../lib/use-lookups';
import { usePagedList } from '../lib/use-paged-list';

const STATUS_FILTERS = ['problem', 'ok', 'warning', 'critical', 'unknown', 'pending'] as const;
const FILTER_KEYS = ['clientId', 'assetId', 'kind', 'status'] as const;

/** /monitoring/checks: every check with its state, filtered from the URL; staff create, edit and run them. */
export function MonitoringChecksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const operable = isStaff(me);
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k)])) as Record<
    (typeof FILTER_KEYS)[number],
    string | null
  >;
  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key === 'clientId') next.delete('assetId');
        return next;
      },
      { replace: true },
    );
  };
  const clients = useClientOptions(operable);
  const filterAsset = useQuery({
    queryKey: ['asset', filters.assetId],
    queryFn: () => assetsApi.get(filters.assetId ?? ''),
    enabled: Boolean(filters.assetId),
  });
  const [editing, setEditing] = useState<CheckView | 'new' | null>(null);
  const actions = useCheckActions();
  const list = usePagedList(
    ['monitoring-checks', 'list', filters],
    (cursor) => checksApi.list({ ...filters, limit: 50, cursor }),
    true,
    30_000,
  );
  const filtered = FILTER_KEYS.some((k) => filters[k]);

  return (
    <>
      <Group justify="space-between" mb={4}>
        <Title order={2}>{t('monitoringSetup.checks.title')}</Title>
        {operable && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('monitoringSetup.checks.new')}
          </Button>
        )}
      </Group>
      <Text c="dimmed" mb="md">
        {t('monitoringSetup.checks.intro')}
      </Text>
      <Group mb="md" align="flex-end">
        {operable && (
          <Select
            label={t('monitoringSetup.checks.filterClient')}
            searchable
            clearable
            data={clients.data ?? []}
            value={filters.clientId}
            onChange={(v) => setFilter('clientId', v)}
            w={220}
          />
        )}
        <AssetPicker
          label={t('monitoringSetup.checks.filterAsset')}
          clientId={filters.clientId}
          clearable
          value={
            filterAsset.data
              ? {
                  id: filterAsset.data.id,
                  name: filterAsset.data.name,
                  clientId: filterAsset.data.clientId,
                  clientName: filterAsset.data.clientName,
                }
              : null
          }
          onChange={(asset) => setFilter('assetId', asset?.id ?? null)}
          w={240}
        />
        <Select
          label={t('monitoringSetup.checks.filterKind')}
          clearable
          data={CHECK_KINDS.map((k) => ({ value: k, label: t(`monitoringSetup.kinds.${k}`) }))}
          value={filters.kind}
          onChange={(v) => setFilter('kind', v)}
          w={190}
        />
        <Select
          label={t('monitoringSetup.checks.filterStatus')}
          clearable
          data={STATUS_FILTERS.map((s) => ({ value: s, label: t(`monitoringSetup.statuses.${s}`) }))}
          value={filters.status}
          onChange={(v) => setFilter('status', v)}
          w={170}
        />
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && list.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg" data-testid="checks-empty">
          {filtered ? t('monitoringSetup.checks.emptyFiltered') : t('monitoringSetup.checks.empty')}
        </Text>
      )}
      {list.items.length > 0 && (
        <CheckTable
          checks={list.items}
          operable={operable}
          running={actions.running}
          onRun={(check) => actions.run.mutate(check)}
          onEdit={setEditing}
          onDelete={actions.remove}
        />
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {editing && (
        <CheckFormModal
          check={editing === 'new' ? undefined : editing}
          asset={
            editing === 'new' && filterAsset.data
              ? {
                  id: filterAsset.data.id,
                  name: filterAsset.data.name,
                  clientId: filterAsset.data.clientId,
                  clientName: filterAsset.data.clientName,
                }
              : undefined
          }
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
