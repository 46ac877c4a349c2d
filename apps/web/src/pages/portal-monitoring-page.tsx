import { Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { boardApi, boardKeys } from '../api/monitoring-board-endpoints';
import { useMe } from '../auth/session-context';
import { compareAlerts } from '../components/alert-severity-badge';
import { AlertTable } from '../components/alert-table';
import { LoadMore } from '../components/load-more';
import { MonitoringBoardLive } from '../components/monitoring-board-live';
import { MonitoringBoardTiles } from '../components/monitoring-board-tiles';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { useBoardStream } from '../lib/use-board-stream';
import { usePagedList } from '../lib/use-paged-list';

const OPEN = { status: 'open' } as const;
const ticketPath = (id: string) => `/portal/tickets/${id}`;

/** Whether the portal shows the client's supervision board: to its manager and in-house IT (the API scopes the data). */
export function canSeePortalMonitoring(role: string): boolean {
  return role === 'client_manager' || role === 'client_it';
}

/**
 * /portal/monitoring: the client's read-only board (manager, in-house IT) — figures and open alerts, live, with their
 * tickets. An alert mail's link lands here with `?alert=<id>`: that alert is outlined, or said to be over.
 */
export function PortalMonitoringPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = canSeePortalMonitoring(me.role);
  const stream = useBoardStream();
  const summary = useQuery({ queryKey: boardKeys.summary, queryFn: boardApi.summary, enabled: allowed });
  const list = usePagedList(
    boardKeys.alertList(OPEN),
    (cursor) => boardApi.alerts({ ...OPEN, cursor, limit: 200 }),
    allowed,
  );
  const alerts = useMemo(() => [...list.items].sort(compareAlerts), [list.items]);
  const [params] = useSearchParams();
  const linked = params.get('alert');
  const linkedIndex = linked ? alerts.findIndex((a) => a.id === linked) : -1;

  if (!allowed) return <NotFoundPage />;
  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t('monitoringBoard.portalTitle')}</Title>
          <Text c="dimmed" size="sm">
            {t('monitoringBoard.portalIntro')}
          </Text>
        </Stack>
        <MonitoringBoardLive state={stream.state} />
      </Group>
      {summary.data && <MonitoringBoardTiles summary={summary.data} />}
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && alerts.length > 0 && (
        <AlertTable
          alerts={alerts}
          resolved={false}
          highlighted={stream.highlighted}
          selected={linkedIndex}
          showClient={false}
          ticketPath={ticketPath}
        />
      )}
      {linked && list.data && linkedIndex < 0 && !list.hasNextPage && (
        <Text c="dimmed" size="sm" data-testid="linked-alert-over">
          {t('monitoringBoard.portalLinkedOver')}
        </Text>
      )}
      {list.data && alerts.length === 0 && (
        <Text c="dimmed" ta="center" py="lg" data-testid="alert-table-empty">
          {t('monitoringBoard.emptyOpen')}
        </Text>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </Stack>
  );
}
