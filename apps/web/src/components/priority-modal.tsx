import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { useTicketAction } from '../lib/use-ticket-action';
import { ActionModal } from './action-modal';
import { ImpactUrgencyFields } from './impact-urgency-fields';

/** Change impact and urgency; the SLA keeps the time consumed and applies the new priority's targets. */
export function PriorityModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState({ impact: ticket.impact, urgency: ticket.urgency });
  const save = useTicketAction(ticket.id, () => ticketsApi.update(ticket.id, value), {
    onSuccess: onClose,
    onError: () => undefined,
  });
  return (
    <ActionModal
      title={t('tickets.changePriority', { reference: ticket.reference })}
      submitLabel={t('common.save')}
      saving={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate()}
      onClose={onClose}
    >
      <ImpactUrgencyFields impact={value.impact} urgency={value.urgency} onChange={setValue} />
    </ActionModal>
  );
}
