import { ActionIcon, NativeSelect, Popover, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailbox } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mailDigestApi } from '../api/mail-outbox-endpoints';

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

/** In the user menu of staff: turn the daily digest on or off, and choose its hour. */
export function MailDigestToggle() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setting = useQuery({ queryKey: ['mail-digest'], queryFn: mailDigestApi.get });
  const save = useMutation({
    mutationFn: mailDigestApi.set,
    onSuccess: (saved) => {
      queryClient.setQueryData(['mail-digest'], saved);
      notifications.show({
        color: 'teal',
        message: saved.enabled ? t('mailDigest.on', { hour: saved.hour }) : t('mailDigest.off'),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: (error as Error).message }),
  });
  const data = setting.data;

  return (
    <Popover width={300} position="bottom-end" withArrow>
      <Popover.Target>
        <Tooltip label={t('mailDigest.label')}>
          <ActionIcon variant="subtle" aria-label={t('mailDigest.label')} data-testid="mail-digest-button">
            <IconMailbox size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Switch
            label={t('mailDigest.label')}
            checked={data?.enabled ?? false}
            disabled={!data || save.isPending}
            onChange={(e) => save.mutate({ enabled: e.currentTarget.checked, hour: data?.hour ?? 7 })}
          />
          <NativeSelect
            label={t('mailDigest.hour')}
            data={HOURS}
            value={String(data?.hour ?? 7)}
            disabled={!data?.enabled || save.isPending}
            onChange={(e) => save.mutate({ enabled: true, hour: Number(e.currentTarget.value) })}
          />
          <Text size="xs" c="dimmed">
            {t('mailDigest.hint')}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
