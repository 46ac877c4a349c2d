import { Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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

/** Whether the portal shows the client's supervision board: to the client's manager (the API scopes the data). */
export function canSeePortalMonitoring(role: string): boolean {
  return role === 'client_manager';
}

/** /portal/monitoring: the client manager's read-only board — figures and open alerts, live, with their tickets. */
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
          showClient={false}
          ticketPath={ticketPath}
        />
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
