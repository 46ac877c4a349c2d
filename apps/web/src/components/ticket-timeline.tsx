import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { usePagedList } from '../lib/use-paged-list';
import { useNameLookup } from '../lib/use-ticket-lookups';
import { LoadMore } from './load-more';
import { QueryState } from './query-state';
import { TicketComposer } from './ticket-composer';
import { TimelineEvent } from './timeline-event';

/** Everything that happened to the ticket, oldest first, then the composer. */
export function TicketTimeline({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const nameOf = useNameLookup([ticket.team, ticket.assignee, ticket.managerEscalation?.manager ?? null]);
  const events = usePagedList(['ticket-events', ticket.id], (cursor) =>
    ticketsApi.events(ticket.id, { cursor, limit: 100 }),
  );
  return (
    <Stack gap="sm">
      <QueryState isLoading={events.isLoading} error={events.error} />
      {events.data && events.items.length === 0 && <Text c="dimmed">{t('timeline.empty')}</Text>}
      <Stack gap="xs" component="ol" aria-label={t('timeline.title')} p={0} m={0} style={{ listStyle: 'none' }}>
        {events.items.map((event) => (
          <li key={event.id}>
            <TimelineEvent event={event} nameOf={nameOf} />
          </li>
        ))}
      </Stack>
      <LoadMore
        hasMore={events.hasNextPage}
        loading={events.isFetchingNextPage}
        onLoad={() => void events.fetchNextPage()}
      />
      <TicketComposer ticketId={ticket.id} disabled={ticket.status === 'closed' || ticket.mergedInto !== null} />
    </Stack>
  );
}
