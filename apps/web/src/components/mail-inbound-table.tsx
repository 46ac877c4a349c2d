import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboundMailSummary } from '../api/mail-inbound-endpoints';
import { formatInstant } from '../lib/format-instant';

/** Inbound messages as a table; the subject opens one. */
export function MailInboundTable({ mails, onOpen }: { mails: InboundMailSummary[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  if (mails.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('mailInbound.empty')}
      </Text>
    );
  }
  return (
    <Table striped highlightOnHover data-testid="mail-inbound-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('mailInbound.receivedAt')}</Table.Th>
          <Table.Th>{t('mailInbound.from')}</Table.Th>
          <Table.Th>{t('mailInbound.subject')}</Table.Th>
          <Table.Th>{t('mailInbound.kind')}</Table.Th>
          <Table.Th>{t('mailInbound.client')}</Table.Th>
          <Table.Th>{t('mailInbound.ticket')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mails.map((mail) => (
          <Table.Tr key={mail.id}>
            <Table.Td>{formatInstant(mail.createdAt)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{mail.fromAddress ?? '—'}</Table.Td>
            <Table.Td>
              <Anchor component="button" type="button" onClick={() => onOpen(mail.id)} ta="left">
                {mail.subject || t('mailInbound.noSubject')}
              </Anchor>
              {mail.error && mail.status === 'quarantined' && (
                <Text size="xs" c="dimmed" lineClamp={1} title={mail.error}>
                  {mail.error}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{mail.kind ? t(`mailInbound.kinds.${mail.kind}`) : '—'}</Table.Td>
            <Table.Td>{mail.clientName ?? '—'}</Table.Td>
            <Table.Td>
              {mail.ticketId && mail.ticketNumber !== null ? (
                <Anchor component={Link} to={`/tickets/${mail.ticketId}`}>
                  T-{String(mail.ticketNumber).padStart(6, '0')}
                </Anchor>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
