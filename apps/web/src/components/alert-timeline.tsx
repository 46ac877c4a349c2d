import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconBellOff,
  IconCircleCheck,
  IconEye,
  IconMessage,
  IconPoint,
  IconTicket,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertDetail } from '../api/monitoring-board-endpoints';
import { formatInstant } from '../lib/format-instant';

type AlertEvent = AlertDetail['events'][number];

const ICONS: Record<string, [ComponentType<{ size?: number }>, string]> = {
  opened: [IconAlertTriangle, 'red'],
  raised: [IconAlertTriangle, 'red'],
  severity: [IconArrowsExchange, 'orange'],
  acknowledged: [IconEye, 'indigo'],
  comment: [IconMessage, 'blue'],
  note: [IconMessage, 'blue'],
  resolved: [IconCircleCheck, 'teal'],
  ticket: [IconTicket, 'gray'],
  suppressed: [IconBellOff, 'gray'],
};

function EventLine({ event }: { event: AlertEvent }) {
  const { t } = useTranslation();
  const [Icon, color] = ICONS[event.kind] ?? [IconPoint, 'gray'];
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="alert-event" data-kind={event.kind}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon size="sm" variant="light" color={color}>
          <Icon size={14} />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" justify="space-between">
            <Text size="sm" fw={500}>
              {t(`monitoringBoard.events.${event.kind}` as 'monitoringBoard.events.opened', {
                defaultValue: event.kind,
              })}
              {event.userName ? ` — ${event.userName}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {formatInstant(event.at)}
            </Text>
          </Group>
          {event.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {event.body}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** What happened to an alert, oldest first: opened, severity changes, acknowledgement, notes, recovery. */
export function AlertTimeline({ events }: { events: AlertEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Text c="dimmed">{t('monitoringBoard.drawer.noEvent')}</Text>;
  return (
    <Stack
      gap="xs"
      component="ol"
      aria-label={t('monitoringBoard.drawer.timeline')}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {events.map((event) => (
        <li key={event.id}>
          <EventLine event={event} />
        </li>
      ))}
    </Stack>
  );
}
