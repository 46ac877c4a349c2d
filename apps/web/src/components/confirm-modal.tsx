import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { useTicketAction } from '../lib/use-ticket-action';
import { ActionModal } from './action-modal';

/** The requester confirms "service restored" (on the phone, say): the ticket closes. */
export function ConfirmModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const confirm = useTicketAction(ticket.id, () => ticketsApi.confirm(ticket.id), {
    onSuccess: onClose,
    onError: () => undefined,
  });
  return (
    <ActionModal
      title={t('ticketActions.confirmTitle', { reference: ticket.reference })}
      submitLabel={t('ticketActions.confirm')}
      submitColor="teal"
      saving={confirm.isPending}
      error={confirm.error}
      onSubmit={() => confirm.mutate()}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">{t('ticketActions.confirmText')}</Text>
    </ActionModal>
  );
}
