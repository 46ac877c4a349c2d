import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notificationsApi } from '../api/ticket-endpoints';
import type { AppNotification } from '../api/types';
import { notifyError } from '../lib/errors';
import { formatInstant } from '../lib/format-instant';

const POLL_MS = 60_000;

/** The bell in the header: unread count, the latest notifications, mark read, open the ticket. Polls every minute. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { close, toggle }] = useDisclosure(false);
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => notificationsApi.list({ limit: 30 }),
    refetchInterval: POLL_MS,
    select: (page) => page.items,
  });
  const items = list.data ?? [];
  const unread = items.filter((n) => n.readAt === null);

  const markRead = useMutation({
    mutationFn: (ids: string[]) => Promise.all(ids.map((id) => notificationsApi.markRead(id))),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    onError: (error) => notifyError(t, error),
  });

  const openItem = (item: AppNotification) => {
    if (item.readAt === null) markRead.mutate([item.id]);
    if (item.ticketId) {
      close();
      void navigate(`/tickets/${item.ticketId}`);
    }
  };
  /** What happened ("Escalated to you"), when the kind is one the console knows. */
  const kindOf = (item: AppNotification) => {
    const key = `notificationKind.${item.kind.replaceAll('.', '_')}`;
    return i18n.exists(key) ? t(key as 'notificationKind.escalation') : null;
  };
  const label = unread.length > 0 ? t('notifications.unread', { count: unread.length }) : t('notifications.title');

  return (
    <Popover
      opened={opened}
      onChange={(next) => !next && close()}
      position="bottom-end"
      width={380}
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Indicator label={unread.length} size={16} disabled={unread.length === 0} offset={4} color="red">
          <Tooltip label={label}>
            <ActionIcon variant="subtle" aria-label={label} onClick={toggle}>
              <IconBell size={18} />
            </ActionIcon>
          </Tooltip>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" aria-label={t('notifications.title')}>
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            {t('notifications.title')}
          </Text>
          {unread.length > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              loading={markRead.isPending}
              onClick={() => markRead.mutate(unread.map((n) => n.id))}
            >
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
        <Divider />
        {items.length === 0 && (
          <Text size="sm" c="dimmed" py="md" ta="center">
            {t('notifications.empty')}
          </Text>
        )}
        <ScrollArea.Autosize mah={420}>
          <Stack gap={0} role="list" aria-label={t('notifications.title')}>
            {items.map((item) => (
              <Group key={item.id} role="listitem" wrap="nowrap" gap={4} py={4} align="flex-start">
                <UnstyledButton onClick={() => openItem(item)} style={{ flex: 1 }} px={4}>
                  {kindOf(item) && (
                    <Text size="xs" c="indigo" fw={600}>
                      {kindOf(item)}
                    </Text>
                  )}
                  <Text size="sm" fw={item.readAt === null ? 600 : 400} lineClamp={2}>
                    {item.ticketReference ? `${item.ticketReference} · ${item.text}` : item.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatInstant(item.at)}
                  </Text>
                </UnstyledButton>
                {item.readAt === null && (
                  <Tooltip label={t('notifications.markRead')}>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      aria-label={t('notifications.markReadNamed', { text: item.text })}
                      onClick={() => markRead.mutate([item.id])}
                    >
                      <IconCheck size={14} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
