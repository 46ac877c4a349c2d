import { Badge, Group, Paper, Rating, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { formatInstant } from '../lib/format-instant';

/** The fix (solution or workaround, its cause), how the ticket closed or when it will, and the requester's rating. */
export function TicketResolution({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { solution, satisfaction } = ticket;
  if (!solution && !satisfaction && !ticket.managerEscalation) return null;
  // a solution on a ticket that works again was refused by the requester: shown for the record, greyed
  const refused = ticket.status !== 'resolved' && ticket.status !== 'closed';
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('tickets.resolution')}>
      <Stack gap="xs">
        {solution && (
          <>
            <Group justify="space-between">
              <Title order={4} c={refused ? 'dimmed' : undefined}>
                {refused ? t('tickets.refusedResolution') : t('tickets.resolution')}
              </Title>
              <Badge color={solution.kind === 'workaround' ? 'orange' : 'teal'} variant="light">
                {t(`solutionKind.${solution.kind}`)}
              </Badge>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {solution.text}
            </Text>
            {solution.cause && (
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {t('ticketActions.cause')}:
                </Text>{' '}
                {solution.cause}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('tickets.resolvedAt', { when: formatInstant(solution.at) })}
              {ticket.closedAt && ticket.closeCause
                ? ` · ${t(`closeCause.${ticket.closeCause}`, { when: formatInstant(ticket.closedAt) })}`
                : ticket.autoCloseAt
                  ? ` · ${t('tickets.autoCloseAt', { when: formatInstant(ticket.autoCloseAt) })}`
                  : ''}
            </Text>
          </>
        )}
        {satisfaction && (
          <Group gap="xs">
            <Text size="sm">{t('tickets.rating')}</Text>
            <Rating
              value={satisfaction.rating}
              readOnly
              aria-label={t('tickets.ratingOf', { rating: satisfaction.rating })}
            />
            {satisfaction.comment && (
              <Text size="sm" c="dimmed">
                “{satisfaction.comment}”
              </Text>
            )}
          </Group>
        )}
        {ticket.managerEscalation && (
          <Text size="sm" c="grape">
            {t('tickets.managerEscalation', {
              manager: ticket.managerEscalation.manager?.name ?? t('timeline.managers'),
              when: formatInstant(ticket.managerEscalation.at),
            })}
            {' — '}
            {ticket.managerEscalation.reason}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
