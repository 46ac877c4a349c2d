import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketSummary } from '../api/types';
import { formatInstant } from '../lib/format-instant';
import { PortalStatus } from './portal-status';

/**
 * The client's tickets as cards, newest change first: reference, title, state in plain words, what waits for them,
 * last update, and who asked (for those who see the whole company's). Each card is one link, reachable with Tab.
 */
export function PortalTicketList({ tickets, showRequester }: { tickets: TicketSummary[]; showRequester: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('portal.list')}>
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <UnstyledButton component={Link} to={`/portal/tickets/${ticket.id}`} w="100%" data-testid="portal-ticket">
            <Paper withBorder p="sm" radius="md">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
                  <Text size="xs" c="dimmed">
                    {ticket.reference}
                  </Text>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {ticket.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('portal.updated', { when: formatInstant(ticket.updatedAt) })}
                    {showRequester && ticket.requesterName
                      ? ` · ${t('portal.requestedBy', { name: ticket.requesterName })}`
                      : ''}
                  </Text>
                </Stack>
                <PortalStatus ticket={ticket} />
              </Group>
            </Paper>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
