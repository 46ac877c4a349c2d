import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AlertSummary, boardApi, boardKeys } from '../api/monitoring-board-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useAcknowledgeAlert } from '../components/alert-actions';
import { AlertDrawer } from '../components/alert-drawer';
import { compareAlerts } from '../components/alert-severity-badge';
import { AlertTable } from '../components/alert-table';
import { LoadMore } from '../components/load-more';
import { MonitoringBoardFilters, useBoardFilters } from '../components/monitoring-board-filters';
import { MonitoringBoardLive } from '../components/monitoring-board-live';
import { MonitoringBoardTiles } from '../components/monitoring-board-tiles';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { useBoardStream } from '../lib/use-board-stream';
import { isGoSequencePending } from '../lib/use-global-hotkeys';
import { usePagedList } from '../lib/use-paged-list';
import { useRowSelection } from '../lib/use-row-selection';

/** The API's largest page: the board sorts worst first within what it loaded (the API pages newest first). */
const PAGE_SIZE = 200;
const byResolvedDesc = (a: AlertSummary, b: AlertSummary) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? '');
const ticketPath = (id: string) => `/tickets/${id}`;

/**
 * /monitoring: the provider's live alert board — figures, open (or resolved) alerts worst first, filters in the URL,
 * j/k/Enter/a on the keyboard, and a drawer to read, acknowledge and annotate an alert (`?alert=<id>`). Kept live by
 * the stream.
 */
export function MonitoringBoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = isStaff(me);
  const filters = useBoardFilters();
  const { query, tab } = filters;
  const stream = useBoardStream();
  const summary = useQuery({ queryKey: boardKeys.summary, queryFn: boardApi.summary, enabled: allowed });
  const list = usePagedList(
    boardKeys.alertList(query),
    (cursor) => boardApi.alerts({ ...query, cursor, limit: PAGE_SIZE }),
    allowed,
  );
  const alerts = useMemo(
    () => [...list.items].sort(tab === 'open' ? compareAlerts : byResolvedDesc),
    [list.items, tab],
  );
  // the open drawer is in the URL (`?alert=`): alert mails link to /monitoring/alerts/:id, which lands here
  const [params, setParams] = useSearchParams();
  const openId = params.get('alert');
  const setOpenId = useCallback(
    (id: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (id) next.set('alert', id);
          else next.delete('alert');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const { selected, setSelected } = useRowSelection(alerts.length, JSON.stringify(query), (index) =>
    setOpenId(alerts[index]?.id ?? null),
  );
  const acknowledge = useAcknowledgeAlert();
  useHotkeys([
    [
      'a',
      () => {
        if (isGoSequencePending()) return; // "g a" goes to the assets
        const alert = alerts.find((a) => a.id === openId) ?? alerts[selected];
        if (alert?.status !== 'open') return;
        if (alert.acknowledgedAt) {
          notifications.show({ message: t('monitoringBoard.alreadyAcknowledged', { number: alert.number }) });
        } else acknowledge.mutate({ id: alert.id });
      },
      { preventDefault: false },
    ],
  ]);

  if (!allowed) return <NotFoundPage />;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{t('monitoringBoard.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('monitoringBoard.intro')}
          </Text>
        </Stack>
        <MonitoringBoardLive state={stream.state} />
      </Group>
      {summary.data && (
        <MonitoringBoardTiles summary={summary.data} onSeverity={(severity) => filters.update({ severity })} />
      )}
      <Tabs value={tab} onChange={(value) => filters.update({ tab: value === 'resolved' ? 'resolved' : null })}>
        <Tabs.List>
          <Tabs.Tab value="open">{t('monitoringBoard.tabs.open')}</Tabs.Tab>
          <Tabs.Tab value="resolved">{t('monitoringBoard.tabs.resolved')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <MonitoringBoardFilters filters={filters} showClient />
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && alerts.length > 0 && (
        <AlertTable
          alerts={alerts}
          resolved={tab === 'resolved'}
          selected={selected}
          highlighted={stream.highlighted}
          ticketPath={ticketPath}
          onSelect={setSelected}
          onOpen={(alert) => setOpenId(alert.id)}
        />
      )}
      {list.data && alerts.length === 0 && (
        <Text c="dimmed" ta="center" py="lg" data-testid="alert-table-empty">
          {filters.filtered
            ? t('monitoringBoard.emptyFiltered')
            : tab === 'open'
              ? t('monitoringBoard.emptyOpen')
              : t('monitoringBoard.emptyResolved')}
        </Text>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      <Text size="xs" c="dimmed">
        {t('monitoringBoard.keyboard')}
      </Text>
      <AlertDrawer alertId={openId} canOperate ticketPath={ticketPath} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
