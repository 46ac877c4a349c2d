import { Button, Code, Drawer, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mailOutboxApi, type OutboundMail } from '../api/mail-outbox-endpoints';
import { formatInstant } from '../lib/format-instant';
import { MailHeaderTable } from './mail-header-table';
import { MailOutboxStatusBadge } from './mail-outbox-status-badge';
import { QueryState } from './query-state';

function Headers({ mail }: { mail: OutboundMail }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('mailOutbox.from'), mail.from ?? '—'],
    [t('mailOutbox.to'), mail.to.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ')],
    ...(mail.cc.length > 0 ? [[t('mailOutbox.cc'), mail.cc.map((a) => a.address).join(', ')] as [string, string]] : []),
    [t('mailOutbox.subject'), mail.subject],
    [t('mailOutbox.messageId'), `<${mail.messageId}>`],
    [t('mailOutbox.inReplyTo'), mail.inReplyTo ? `<${mail.inReplyTo}>` : '—'],
    [t('mailOutbox.references'), mail.references.map((r) => `<${r}>`).join(' ') || '—'],
    [t('mailOutbox.createdAt'), formatInstant(mail.createdAt)],
    [t('mailOutbox.sentAt'), formatInstant(mail.sentAt)],
    ...(mail.nextAttemptAt
      ? [[t('mailOutbox.nextAttempt'), formatInstant(mail.nextAttemptAt)] as [string, string]]
      : []),
  ];
  return <MailHeaderTable rows={rows} testId="mail-headers" />;
}

/** The body as sent: the HTML in a frame that runs nothing (empty sandbox), or the plain text. */
function Body({ mail }: { mail: OutboundMail }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'html' | 'text'>(mail.html ? 'html' : 'text');
  return (
    <Stack gap="xs">
      {mail.html && (
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'html' | 'text')}
          data={[
            { value: 'html', label: t('mailOutbox.html') },
            { value: 'text', label: t('mailOutbox.text') },
          ]}
        />
      )}
      {view === 'html' && mail.html ? (
        <iframe
          title={t('mailOutbox.htmlFrame')}
          sandbox=""
          srcDoc={mail.html}
          style={{ width: '100%', height: 420, border: '1px solid var(--mantine-color-gray-3)', background: '#fff' }}
        />
      ) : (
        <Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="mail-text">
          {mail.text ?? ''}
        </Code>
      )}
    </Stack>
  );
}

function DeliveryLog({ mail }: { mail: OutboundMail }) {
  const { t } = useTranslation();
  if (mail.attemptLog.length === 0) return <Text c="dimmed">{t('mailOutbox.noAttempt')}</Text>;
  return (
    <Table data-testid="mail-attempts">
      <Table.Tbody>
        {mail.attemptLog.map((a) => (
          <Table.Tr key={`${a.at}-${a.outcome}`}>
            <Table.Td>{formatInstant(a.at)}</Table.Td>
            <Table.Td>{t(`mailOutbox.outcomes.${a.outcome}`)}</Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {a.detail ?? ''}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One outbound mail: headers, body, attachments, each delivery try; failed or held mail can be sent again. */
export function MailOutboxDrawer({ mailId, onClose }: { mailId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mail = useQuery({
    queryKey: ['mail-outbound', mailId],
    queryFn: () => mailOutboxApi.get(mailId ?? ''),
    enabled: mailId !== null,
  });
  const retry = useMutation({
    mutationFn: (id: string) => mailOutboxApi.retry(id),
    onSuccess: (updated) => {
      queryClient.setQueryData(['mail-outbound', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['mail-outbox'] });
      void queryClient.invalidateQueries({ queryKey: ['ticket-mails'] });
      notifications.show({
        color: updated.status === 'held' ? 'yellow' : 'teal',
        message: updated.status === 'held' ? t('mailOutbox.retriedHeld') : t('mailOutbox.retried'),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: (error as Error).message }),
  });
  const data = mailId !== null ? mail.data : undefined;

  return (
    <Drawer opened={mailId !== null} onClose={onClose} position="right" size="xl" title={data?.subject ?? ''}>
      {!data && <QueryState isLoading={mail.isLoading} error={mail.error} />}
      {data && (
        <Stack gap="md">
          <Group justify="space-between">
            <MailOutboxStatusBadge status={data.status} />
            {(data.status === 'failed' || data.status === 'held') && (
              <Button size="xs" loading={retry.isPending} onClick={() => retry.mutate(data.id)}>
                {t('mailOutbox.retry')}
              </Button>
            )}
          </Group>
          {data.error && (
            <Text size="sm" c="red">
              {t('mailOutbox.lastError')}: {data.error}
            </Text>
          )}
          <Title order={5}>{t('mailOutbox.headers')}</Title>
          <Headers mail={data} />
          <Title order={5}>{t('mailOutbox.body')}</Title>
          <Body mail={data} />
          {data.attachments.length > 0 && (
            <>
              <Title order={5}>{t('mailOutbox.attachments')}</Title>
              {data.attachments.map((f) => (
                <Text size="sm" key={f.fileName}>
                  {f.fileName} ({f.contentType}, {Math.ceil(f.sizeBytes / 1024)} kB)
                </Text>
              ))}
            </>
          )}
          <Title order={5}>{t('mailOutbox.deliveryLog')}</Title>
          <DeliveryLog mail={data} />
        </Stack>
      )}
    </Drawer>
  );
}
