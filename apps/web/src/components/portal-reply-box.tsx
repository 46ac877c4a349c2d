import { Alert, Button, Group, Kbd, Paper, Stack, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentsApi } from '../api/portal-endpoints';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { filesProblem, PortalFilePicker } from './portal-file-picker';

/**
 * A public reply to the support team, with files; Ctrl+Enter sends. A closed ticket takes no more replies (the
 * server refuses them too): the person is told to open a new request.
 */
export function PortalReplyBox({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const send = useMutation({
    mutationFn: async () => {
      if (body.trim() !== '') await ticketsApi.comment(ticket.id, { body, visibility: 'public' });
      if (files.length > 0) await attachmentsApi.upload(ticket.id, files);
    },
    onSuccess: () => {
      setBody('');
      setFiles([]);
      notifications.show({ color: 'teal', message: t('portalTicket.sent') });
    },
    onSettled: () => {
      for (const key of [
        ['ticket-events', ticket.id],
        ['ticket', ticket.id],
        ['attachments', ticket.id],
        ['tickets'],
      ]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
  if (ticket.status === 'closed' || ticket.mergedInto) {
    return (
      <Alert color="gray" data-testid="portal-closed">
        {t('portalTicket.closedNoReply')}
      </Alert>
    );
  }
  const empty = body.trim() === '' && files.length === 0;
  const submit = () => {
    if (!empty && !send.isPending && !filesProblem(t, files)) send.mutate();
  };

  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Textarea
          label={t('portalTicket.reply')}
          placeholder={t('portalTicket.replyPlaceholder')}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={50_000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
        />
        <PortalFilePicker files={files} onChange={setFiles} label={t('portalTicket.addFiles')} />
        {send.error && (
          <Alert color="red" role="alert" title={t('errors.refused')}>
            {send.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            onClick={submit}
            loading={send.isPending}
            disabled={empty}
            leftSection={<IconSend size={16} />}
            rightSection={
              <Kbd size="xs" aria-hidden>
                Ctrl+Enter
              </Kbd>
            }
          >
            {t('portalTicket.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
