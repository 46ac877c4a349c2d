import { Button, Group, Kbd, Paper, Tabs, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconLock, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { CommentInput } from '../api/types';
import { notifyError } from '../lib/errors';

type Visibility = NonNullable<CommentInput['visibility']>;

/** Reply to the requester (public) or leave an internal note; Ctrl+Enter sends. */
export function TicketComposer({ ticketId, disabled }: { ticketId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [body, setBody] = useState('');
  const send = useMutation({
    mutationFn: () => ticketsApi.comment(ticketId, { body, visibility }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
    onError: (error) => notifyError(t, error),
  });
  const submit = () => {
    if (body.trim() !== '' && !send.isPending) send.mutate();
  };
  const internal = visibility === 'internal';

  return (
    <Paper withBorder p="xs" bg={internal ? 'var(--mantine-color-yellow-0)' : undefined}>
      <Tabs value={visibility} onChange={(value) => value && setVisibility(value as Visibility)}>
        <Tabs.List aria-label={t('composer.kind')}>
          <Tabs.Tab value="public" leftSection={<IconSend size={14} />}>
            {t('composer.reply')}
          </Tabs.Tab>
          <Tabs.Tab value="internal" leftSection={<IconLock size={14} />}>
            {t('composer.note')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Textarea
        mt="xs"
        aria-label={internal ? t('composer.note') : t('composer.reply')}
        placeholder={internal ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
        autosize
        minRows={3}
        maxRows={14}
        value={body}
        disabled={disabled}
        onChange={(event) => setBody(event.currentTarget.value)}
        onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
        maxLength={50_000}
      />
      <Group justify="flex-end" mt="xs">
        <Button
          onClick={submit}
          loading={send.isPending}
          disabled={disabled || body.trim() === ''}
          color={internal ? 'yellow' : undefined}
          rightSection={
            <Kbd size="xs" aria-hidden>
              Ctrl+Enter
            </Kbd>
          }
        >
          {internal ? t('composer.addNote') : t('composer.send')}
        </Button>
      </Group>
    </Paper>
  );
}
