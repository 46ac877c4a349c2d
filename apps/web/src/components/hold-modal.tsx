import { Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { PENDING_REASONS, type PendingReason } from '../lib/enums';
import { useTicketAction } from '../lib/use-ticket-action';
import { ActionModal } from './action-modal';

/** Put the ticket on hold: waiting for the requester, a vendor, or a planned date (the resolution clock pauses). */
export function HoldModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<PendingReason>('requester');
  const [note, setNote] = useState('');
  const hold = useTicketAction(
    ticket.id,
    () => ticketsApi.setStatus(ticket.id, { status: 'pending', pendingReason: reason, note }),
    { onSuccess: onClose, onError: () => undefined },
  );

  return (
    <ActionModal
      title={t('ticketActions.holdTitle', { reference: ticket.reference })}
      submitLabel={t('ticketActions.hold')}
      saving={hold.isPending}
      error={hold.error}
      onSubmit={() => hold.mutate()}
      onClose={onClose}
      size="md"
    >
      <Radio.Group
        label={t('ticketActions.waitingFor')}
        description={t('ticketActions.holdHint')}
        value={reason}
        onChange={(value) => setReason(value as PendingReason)}
      >
        <Stack gap="xs" mt="xs">
          {PENDING_REASONS.map((r) => (
            <Radio key={r} value={r} label={t(`pendingReason.${r}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('ticketActions.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        maxLength={5000}
      />
    </ActionModal>
  );
}
