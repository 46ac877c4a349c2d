import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket, TicketEvent } from '../api/types';
import { formatInstant } from '../lib/format-instant';
import { usePagedList } from '../lib/use-paged-list';
import { LoadMore } from './load-more';
import { QueryState } from './query-state';

const KINDS = ['created', 'reply', 'solution', 'rejection', 'confirmation', 'rating', 'escalation'] as const;
type Kind = (typeof KINDS)[number];
const TINTS: Partial<Record<Kind, string>> = {
  solution: 'var(--mantine-color-teal-0)',
  rejection: 'var(--mantine-color-red-0)',
};

/**
 * What was said on the ticket, oldest first: the description, replies both ways, the proposed solution and the
 * answers to it. The server only gives client people public events (never internal notes).
 */
export function PortalConversation({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const events = usePagedList(['ticket-events', ticket.id], (cursor) =>
    ticketsApi.events(ticket.id, { cursor, limit: 100 }),
  );
  const shown = events.items.filter((e) => (KINDS as readonly string[]).includes(e.kind));
  return (
    <Stack gap="sm" component="section" aria-label={t('portalTicket.conversation')}>
      <Title order={3}>{t('portalTicket.conversation')}</Title>
      <QueryState isLoading={events.isLoading} error={events.error} />
      {events.data && shown.length === 0 && <Text c="dimmed">{t('portalTicket.noMessage')}</Text>}
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="portal-conversation">
        {shown.map((event) => (
          <li key={event.id}>
            <Message event={event} />
          </li>
        ))}
      </Stack>
      <LoadMore
        hasMore={events.hasNextPage}
        loading={events.isFetchingNextPage}
        onLoad={() => void events.fetchNextPage()}
      />
    </Stack>
  );
}

function Message({ event }: { event: TicketEvent }) {
  const { t } = useTranslation();
  const kind = event.kind as Kind;
  const what = t(`portalTicket.eventKinds.${kind}`, { rating: event.data.rating });
  return (
    <Paper withBorder p="sm" radius="md" bg={TINTS[kind]} data-event-kind={kind}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {event.actor.name}
        </Text>
        <Text size="sm" c="dimmed">
          {what}
        </Text>
        <Text size="xs" c="dimmed" ml="auto">
          {formatInstant(event.at)}
        </Text>
      </Group>
      {event.body && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {event.body}
        </Text>
      )}
    </Paper>
  );
}
