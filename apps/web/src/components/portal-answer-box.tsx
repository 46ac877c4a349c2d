import { Button, Group, Paper, Rating, Stack, Text, Title } from '@mantine/core';
import { IconMoodSmile, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { formatInstant } from '../lib/format-instant';
import { type Answer, answerAvailable } from './portal-answer-dialogs';

/**
 * The proposed solution and the client's answers to it: "it works again" (closes the ticket), "it still does not
 * work" (reopens it, with the reason), and a rating from 1 to 5. Shown once the provider proposed a solution.
 */
export function PortalAnswerBox({
  ticket,
  canAnswer,
  onAnswer,
}: {
  ticket: Ticket;
  canAnswer: boolean;
  onAnswer: (answer: Answer) => void;
}) {
  const { t } = useTranslation();
  const { solution, satisfaction } = ticket;
  if (!solution || (ticket.status !== 'resolved' && ticket.status !== 'closed')) return null;
  const offer = (answer: Answer) => canAnswer && answerAvailable(ticket, answer);

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg={ticket.status === 'resolved' ? 'var(--mantine-color-teal-0)' : undefined}
      c={ticket.status === 'resolved' ? 'dark.7' : undefined}
      component="section"
      aria-label={t('portalAnswer.title')}
      data-testid="portal-answer-box"
    >
      <Stack gap="sm">
        {ticket.status === 'resolved' && <Title order={3}>{t('portalAnswer.title')}</Title>}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('portalAnswer.solution')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {solution.text}
          </Text>
        </Stack>
        {ticket.status === 'resolved' && ticket.autoCloseAt && (
          <Text size="xs" c="dimmed">
            {t('portalAnswer.autoClose', { when: formatInstant(ticket.autoCloseAt) })}
          </Text>
        )}
        <Group gap="sm" wrap="wrap">
          {offer('confirm') && (
            <Button color="teal" leftSection={<IconThumbUp size={16} />} onClick={() => onAnswer('confirm')}>
              {t('portalAnswer.confirm')}
            </Button>
          )}
          {offer('reject') && (
            <Button
              color="red"
              variant="light"
              leftSection={<IconThumbDown size={16} />}
              onClick={() => onAnswer('reject')}
            >
              {t('portalAnswer.reject')}
            </Button>
          )}
          {offer('rate') && (
            <Button variant="default" leftSection={<IconMoodSmile size={16} />} onClick={() => onAnswer('rate')}>
              {t('portalAnswer.rate')}
            </Button>
          )}
        </Group>
        {satisfaction && (
          <Group gap="xs">
            <Rating value={satisfaction.rating} readOnly aria-hidden />
            <Text size="sm">{t('portalAnswer.yourRating', { rating: satisfaction.rating })}</Text>
            {satisfaction.comment && (
              <Text size="sm" c="dimmed">
                “{satisfaction.comment}”
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
