import { Anchor, Badge, Button, Code, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type InboundMail, mailInboundApi } from '../api/mail-inbound-endpoints';
import { formatInstant } from '../lib/format-instant';
import { MailHeaderTable } from './mail-header-table';
import { MailInboundAssign } from './mail-inbound-assign';
import { QueryState } from './query-state';

function Summary({ mail }: { mail: InboundMail }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('mailInbound.from'), mail.fromName ? `${mail.fromName} <${mail.fromAddress ?? ''}>` : (mail.fromAddress ?? '—')],
    [t('mailInbound.to'), mail.to.join(', ') || '—'],
    ...(mail.cc.length > 0 ? [[t('mailInbound.cc'), mail.cc.join(', ')] as [string, string]] : []),
    [t('mailInbound.subject'), mail.subject || t('mailInbound.noSubject')],
    [t('mailInbound.messageId'), `<${mail.messageId}>`],
    [t('mailInbound.inReplyTo'), mail.inReplyTo ? `<${mail.inReplyTo}>` : '—'],
    [t('mailInbound.receivedAt'), formatInstant(mail.createdAt)],
    [t('mailInbound.channel'), mail.channel.toUpperCase()],
    [t('mailInbound.size'), `${Math.ceil(mail.sizeBytes / 1024)} kB`],
  ];
  return <MailHeaderTable rows={rows} />;
}

/** One inbound message: what it became, its text and files, the raw source; re-inject, assign or discard it. */
export function MailInboundDrawer({ mailId, onClose }: { mailId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mail = useQuery({
    queryKey: ['mail-inbound-one', mailId],
    queryFn: () => mailInboundApi.get(mailId ?? ''),
    enabled: mailId !== null,
  });
  const done = (updated: InboundMail, message: string) => {
    queryClient.setQueryData(['mail-inbound-one', updated.id], updated);
    void queryClient.invalidateQueries({ queryKey: ['mail-inbound'] });
    notifications.show({ color: 'teal', message });
  };
  const onError = (error: unknown) => notifications.show({ color: 'red', message: (error as Error).message });
  const reinject = useMutation({
    mutationFn: (id: string) => mailInboundApi.reinject(id),
    onSuccess: (m) => done(m, t('mailInbound.reinjected', { status: t(`mailInbound.statuses.${m.status}`) })),
    onError,
  });
  const discard = useMutation({
    mutationFn: (id: string) => mailInboundApi.discard(id),
    onSuccess: (m) => done(m, t('mailInbound.discarded')),
    onError,
  });
  const assign = useMutation({
    mutationFn: (v: { id: string; clientId: string; requesterContactId: string | null }) =>
      mailInboundApi.assign(v.id, { clientId: v.clientId, requesterContactId: v.requesterContactId }),
    onSuccess: (m) => done(m, t('mailInbound.assigned')),
    onError,
  });
  const data = mailId !== null ? mail.data : undefined;

  return (
    <Drawer opened={mailId !== null} onClose={onClose} position="right" size="xl" title={data?.subject ?? ''}>
      {!data && <QueryState isLoading={mail.isLoading} error={mail.error} />}
      {data && (
        <Stack gap="md" data-testid="mail-inbound-drawer">
          <Group justify="space-between">
            <Group gap="xs">
              <Badge variant="light">{t(`mailInbound.statuses.${data.status}`)}</Badge>
              {data.kind && <Badge variant="outline">{t(`mailInbound.kinds.${data.kind}`)}</Badge>}
            </Group>
            <Group gap="xs">
              <Anchor href={data.rawUrl} download size="sm">
                {t('mailInbound.raw')}
              </Anchor>
              {['quarantined', 'ignored', 'triage'].includes(data.status) && (
                <Button size="xs" variant="light" loading={reinject.isPending} onClick={() => reinject.mutate(data.id)}>
                  {t('mailInbound.reinject')}
                </Button>
              )}
              {['quarantined', 'triage'].includes(data.status) && (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  loading={discard.isPending}
                  onClick={() => discard.mutate(data.id)}
                >
                  {t('mailInbound.discard')}
                </Button>
              )}
            </Group>
          </Group>
          {data.error && (
            <Text size="sm" c={data.status === 'quarantined' ? 'red' : 'dimmed'}>
              {data.error}
            </Text>
          )}
          {data.ticketId && data.ticketNumber !== null && (
            <Text size="sm">
              {t('mailInbound.ticket')}:{' '}
              <Anchor component={Link} to={`/tickets/${data.ticketId}`}>
                T-{String(data.ticketNumber).padStart(6, '0')}
              </Anchor>
            </Text>
          )}
          {data.status === 'triage' && (
            <MailInboundAssign
              loading={assign.isPending}
              onAssign={(input) => assign.mutate({ id: data.id, ...input })}
            />
          )}
          <Title order={5}>{t('mailInbound.headers')}</Title>
          <Summary mail={data} />
          <Title order={5}>{t('mailInbound.text')}</Title>
          <Code block style={{ whiteSpace: 'pre-wrap' }}>
            {data.text ?? t('mailInbound.noText')}
          </Code>
          {data.attachments.length > 0 && (
            <>
              <Title order={5}>{t('mailInbound.attachments')}</Title>
              {data.attachments.map((f) => (
                <Text size="sm" key={`${f.fileName}-${f.sizeBytes}-${f.contentType}`}>
                  {f.fileName} ({f.contentType}, {Math.ceil(f.sizeBytes / 1024)} kB)
                </Text>
              ))}
            </>
          )}
          <Title order={5}>{t('mailInbound.allHeaders')}</Title>
          <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
            {data.headers.map((h) => `${h.name}: ${h.value}`).join('\n')}
          </Code>
        </Stack>
      )}
    </Drawer>
  );
}
