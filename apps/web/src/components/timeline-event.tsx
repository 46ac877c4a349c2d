import { Badge, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlarm,
  IconArrowBackUp,
  IconArrowsExchange,
  IconArrowUpRight,
  IconCircleCheck,
  IconClock,
  IconFlag,
  IconGitMerge,
  IconLink,
  IconLock,
  IconMessage,
  IconPencil,
  IconPlus,
  IconStairsUp,
  IconStar,
  IconThumbUp,
  IconTool,
  IconUserCheck,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '../api/types';
import { describeTicketEvent, type NameLookup } from '../lib/describe-ticket-event';
import type { TicketEventKind } from '../lib/enums';
import { formatInstant } from '../lib/format-instant';

const ICONS: Record<TicketEventKind, ComponentType<{ size?: number }>> = {
  created: IconPlus,
  reply: IconMessage,
  note: IconLock,
  status: IconArrowsExchange,
  assignment: IconUserCheck,
  level: IconStairsUp,
  escalation: IconArrowUpRight,
  priority: IconFlag,
  solution: IconCircleCheck,
  rejection: IconArrowBackUp,
  confirmation: IconThumbUp,
  rating: IconStar,
  merge: IconGitMerge,
  link: IconLink,
  time: IconClock,
  intervention: IconTool,
  sla: IconAlarm,
  update: IconPencil,
};
const COLORS: Partial<Record<TicketEventKind, string>> = {
  reply: 'blue',
  note: 'yellow',
  escalation: 'grape',
  solution: 'teal',
  rejection: 'red',
  sla: 'red',
  confirmation: 'teal',
};

/**
 * One entry of the timeline: icon, who, when, what, and the text (reply, note, diagnosis, solution). Internal texts
 * have a yellowish background and say "internal": they never reach the client (internal status and assignment lines
 * carry no text and need no warning).
 */
export function TimelineEvent({ event, nameOf }: { event: TicketEvent; nameOf: NameLookup }) {
  const { t } = useTranslation();
  const Icon = ICONS[event.kind] ?? IconPencil;
  const internal = event.visibility === 'internal';
  const hasBody = event.body !== null && event.body !== '' && event.kind !== 'created';
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" data-event-kind={event.kind} data-visibility={event.visibility}>
      <ThemeIcon variant="light" color={COLORS[event.kind] ?? 'gray'} radius="xl" size="md" mt={2}>
        <Icon size={16} />
      </ThemeIcon>
      <Paper
        withBorder={hasBody}
        p={hasBody ? 'xs' : 0}
        style={{ flex: 1 }}
        bg={internal && hasBody ? 'var(--mantine-color-yellow-0)' : undefined}
        c={internal && hasBody ? 'dark.7' : undefined}
      >
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {event.actor.name}
          </Text>
          <Text size="sm">{describeTicketEvent(t, event, nameOf)}</Text>
          {internal && hasBody && (
            <Badge size="xs" color="yellow" variant="filled" c="dark.7">
              {t('timeline.internal')}
            </Badge>
          )}
          <Text size="xs" c="dimmed" ml="auto" title={event.at}>
            {formatInstant(event.at)}
          </Text>
        </Group>
        {hasBody && (
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {event.body}
          </Text>
        )}
      </Paper>
    </Group>
  );
}
