import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ticketsApi } from '../api/ticket-endpoints';
import { isStaff, seesAllClientTickets, worksInHouse } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { LoadMore } from '../components/load-more';
import { PortalTicketList } from '../components/portal-ticket-list';
import { QueryState } from '../components/query-state';
import { SearchInput } from '../components/search-input';
import { usePagedList } from '../lib/use-paged-list';

const VIEWS = ['open', 'closed', 'in_house'] as const;
type View = (typeof VIEWS)[number];
const REFRESH_MS = 60_000;
const OPEN = 'new,assigned,in_progress,pending,resolved';

/** What each view asks the tickets API (already scoped by role: a requester's own, or the whole client's). */
function queryOf(view: View) {
  if (view === 'in_house') return { queue: 'in_house' };
  return { queue: 'all', status: view === 'open' ? OPEN : 'closed' };
}

/**
 * `/portal`: the client person's tickets (a requester's own; the whole company's for its manager and IT), in
 * progress or closed, searchable; the client's IT also has its in-house queue. Filters live in the URL.
 */
export function PortalHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const views: View[] = worksInHouse(me) ? ['in_house', 'open', 'closed'] : ['open', 'closed'];
  const view = views.find((v) => v === params.get('view')) ?? views[0] ?? 'open';
  const q = params.get('q') ?? '';
  const list = usePagedList(
    ['tickets', 'portal', view, q],
    (cursor) => ticketsApi.list({ ...queryOf(view), q, sort: 'updated', cursor, limit: 25 }),
    !isStaff(me),
    REFRESH_MS,
  );
  if (isStaff(me)) return <Navigate to="/tickets" replace />;
  const change = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2}>{seesAllClientTickets(me) ? t('portal.companyTitle') : t('portal.myTitle')}</Title>
          <Text c="dimmed" size="sm">
            {t('portal.intro')}
          </Text>
        </Stack>
        <Button component={Link} to="/portal/new" leftSection={<IconPlus size={16} />}>
          {t('portal.newRequest')}
        </Button>
      </Group>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label={t('portal.view')}
          value={view}
          onChange={(value) => change('view', value)}
          data={views.map((v) => ({ value: v, label: t(`portal.views.${v}`) }))}
        />
        <div style={{ flex: 1, minWidth: 220 }}>
          <SearchInput label={t('portal.search')} value={q} onChange={(value) => change('q', value.trim())} />
        </div>
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && list.items.length === 0 && (
        <Text c="dimmed" data-testid="portal-empty">
          {view === 'open' && q === '' ? t('portal.emptyOpen') : t('portal.empty')}
        </Text>
      )}
      <PortalTicketList tickets={list.items} showRequester={seesAllClientTickets(me)} />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </Stack>
  );
}
