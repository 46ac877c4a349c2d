import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ticketsApi } from '../api/ticket-endpoints';
import { useMe } from '../auth/session-context';
import { LoadMore } from '../components/load-more';
import { useOpenPhoneLog } from '../components/phone-log-provider';
import { QueryState } from '../components/query-state';
import { SavedViews } from '../components/saved-views';
import { TicketFilterBar } from '../components/ticket-filter-bar';
import { TicketQueueTabs } from '../components/ticket-queue-tabs';
import { TicketTable } from '../components/ticket-table';
import { TICKET_QUEUES } from '../lib/enums';
import { usePagedList } from '../lib/use-paged-list';
import { useRowSelection } from '../lib/use-row-selection';
import { useTicketFilters } from '../lib/use-ticket-filters';

const REFRESH_MS = 30_000;

/** The technician's console: queues, filters, saved views, and a keyboard-driven list of tickets. */
export function TicketsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const openPhoneLog = useOpenPhoneLog();
  const state = useTicketFilters(me.role === 'technician' ? 'mine' : 'open');
  const { query } = state;
  const list = usePagedList(
    ['tickets', 'list', query],
    (cursor) => ticketsApi.list({ ...query, cursor, limit: 50 }),
    true,
    REFRESH_MS,
  );
  const open = (index: number) => {
    const ticket = list.items[index];
    if (ticket) void navigate(`/tickets/${ticket.id}`);
  };
  const { selected, setSelected } = useRowSelection(list.items.length, JSON.stringify(query), open);
  useHotkeys(TICKET_QUEUES.map((queue, index) => [String(index + 1), () => state.setQueue(queue)]));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('tickets.title')}</Title>
        <Group gap="xs">
          <SavedViews query={query} onApply={state.apply} />
          <Button leftSection={<IconPhoneCall size={16} />} onClick={openPhoneLog}>
            {t('phoneLog.open')}
          </Button>
        </Group>
      </Group>
      <TicketQueueTabs value={state.filters.queue} onChange={state.setQueue} />
      <TicketFilterBar filters={state} />
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && list.items.length > 0 && (
        <TicketTable
          tickets={list.items}
          selected={selected}
          onSelect={setSelected}
          onOpen={(ticket) => void navigate(`/tickets/${ticket.id}`)}
        />
      )}
      {list.data && list.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {state.filtered ? t('tickets.emptyFiltered') : t(`ticketQueueEmpty.${state.filters.queue}`)}
        </Text>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </Stack>
  );
}
