import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mailOutboxApi } from '../api/mail-outbox-endpoints';
import type { Ticket } from '../api/types';
import { formatInstant } from '../lib/format-instant';
import { MailInboundDrawer } from './mail-inbound-drawer';
import { MailOutboxDrawer } from './mail-outbox-drawer';
import { MailOutboxStatusBadge } from './mail-outbox-status-badge';
import { QueryState } from './query-state';

/** The ticket's "Mails" tab: what came in and went out about it, oldest first; each opens in the log's drawer. */
export function TicketMailsTab({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [openInboundId, setOpenInboundId] = useState<string | null>(null);
  const mails = useQuery({
    queryKey: ['ticket-mails', ticket.id],
    queryFn: () => mailOutboxApi.ofTicket(ticket.id),
    refetchInterval: 15_000,
  });
  if (!mails.data) return <QueryState isLoading={mails.isLoading} error={mails.error} />;
  if (mails.data.items.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('ticketMails.empty')}
      </Text>
    );
  }
  return (
    <>
      <Table striped data-testid="ticket-mails">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mailOutbox.createdAt')}</Table.Th>
            <Table.Th>{t('ticketMails.direction')}</Table.Th>
            <Table.Th>{t('mailOutbox.kind')}</Table.Th>
            <Table.Th>{t('mailOutbox.from')}</Table.Th>
            <Table.Th>{t('mailOutbox.to')}</Table.Th>
            <Table.Th>{t('mailOutbox.subject')}</Table.Th>
            <Table.Th>{t('mailOutbox.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mails.data.items.map((mail) => (
            <Table.Tr key={mail.id}>
              <Table.Td>{formatInstant(mail.createdAt)}</Table.Td>
              <Table.Td>
                <Badge variant="outline" color={mail.direction === 'in' ? 'grape' : 'blue'}>
                  {mail.direction === 'in' ? t('ticketMails.in') : t('ticketMails.out')}
                </Badge>
              </Table.Td>
              <Table.Td>
                {mail.kind
                  ? t(mail.direction === 'out' ? `mailOutbox.kinds.${mail.kind}` : `mailInbound.kinds.${mail.kind}`, {
                      defaultValue: mail.kind,
                    })
                  : '—'}
              </Table.Td>
              <Table.Td>{mail.from ?? '—'}</Table.Td>
              <Table.Td>{mail.to.join(', ')}</Table.Td>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  onClick={() => (mail.direction === 'out' ? setOpenId(mail.id) : setOpenInboundId(mail.id))}
                  ta="left"
                >
                  {mail.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {mail.direction === 'out' ? (
                  <MailOutboxStatusBadge status={mail.status} />
                ) : (
                  t(`mailInbound.statuses.${mail.status}`, { defaultValue: mail.status })
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <MailOutboxDrawer mailId={openId} onClose={() => setOpenId(null)} />
      <MailInboundDrawer mailId={openInboundId} onClose={() => setOpenInboundId(null)} />
    </>
  );
}
