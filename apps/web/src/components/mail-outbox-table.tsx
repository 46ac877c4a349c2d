import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboundMailSummary } from '../api/mail-outbox-endpoints';
import { formatInstant } from '../lib/format-instant';
import { MailOutboxStatusBadge } from './mail-outbox-status-badge';

/** The outbox as a table; a row opens the mail. */
export function MailOutboxTable({ mails, onOpen }: { mails: OutboundMailSummary[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  if (mails.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('mailOutbox.empty')}
      </Text>
    );
  }
  return (
    <Table striped highlightOnHover data-testid="mail-outbox-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('mailOutbox.createdAt')}</Table.Th>
          <Table.Th>{t('mailOutbox.status')}</Table.Th>
          <Table.Th>{t('mailOutbox.kind')}</Table.Th>
          <Table.Th>{t('mailOutbox.to')}</Table.Th>
          <Table.Th>{t('mailOutbox.subject')}</Table.Th>
          <Table.Th>{t('mailOutbox.ticket')}</Table.Th>
          <Table.Th>{t('mailOutbox.attempts')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mails.map((mail) => (
          <Table.Tr key={mail.id}>
            <Table.Td>{formatInstant(mail.createdAt)}</Table.Td>
            <Table.Td>
              <MailOutboxStatusBadge status={mail.status} />
            </Table.Td>
            <Table.Td>{mail.kind ? t(`mailOutbox.kinds.${mail.kind}`, { defaultValue: mail.kind }) : '—'}</Table.Td>
            <Table.Td>{mail.to.map((a) => a.address).join(', ')}</Table.Td>
            <Table.Td>
              <Anchor component="button" type="button" onClick={() => onOpen(mail.id)} ta="left">
                {mail.subject}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {mail.ticketId && mail.ticketNumber !== null ? (
                <Anchor component={Link} to={`/tickets/${mail.ticketId}`}>
                  T-{String(mail.ticketNumber).padStart(6, '0')}
                </Anchor>
              ) : (
                '—'
              )}
            </Table.Td>
            <Table.Td>
              {mail.attempts}
              {mail.error && (
                <Text size="xs" c="red" lineClamp={1} title={mail.error}>
                  {mail.error}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
