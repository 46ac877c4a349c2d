import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { useTicketAction } from '../lib/use-ticket-action';
import { ActionModal } from './action-modal';

/** The requester refuses the solution (told on the phone, say): the ticket reopens, and the refusal is recorded. */
export function RejectModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const reject = useTicketAction(ticket.id, () => ticketsApi.reject(ticket.id, { reason }), {
    onSuccess: onClose,
    onError: () => undefined,
  });

  return (
    <ActionModal
      title={t('ticketActions.rejectTitle', { reference: ticket.reference })}
      submitLabel={t('ticketActions.reject')}
      submitColor="red"
      saving={reject.isPending}
      error={reject.error}
      onSubmit={() => reason.trim() !== '' && reject.mutate()}
      onClose={onClose}
      size="md"
    >
      <Textarea
        label={t('ticketActions.rejectReason')}
        description={t('ticketActions.onBehalf')}
        required
        autosize
        minRows={3}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={5000}
        data-autofocus
      />
    </ActionModal>
  );
}
