import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { useTicketAction } from '../lib/use-ticket-action';
import { useStaffOptions, useTeamOptions } from '../lib/use-ticket-lookups';
import { ActionModal } from './action-modal';

/** Hand the ticket to a team, a person, or both. */
export function AssignModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const teams = useTeamOptions();
  const staff = useStaffOptions(ticket.assignee ? [ticket.assignee] : []);
  const [teamId, setTeamId] = useState<string | null>(ticket.team?.id ?? null);
  const [assigneeId, setAssigneeId] = useState<string | null>(ticket.assignee?.id ?? null);
  const assign = useTicketAction(ticket.id, () => ticketsApi.assign(ticket.id, { teamId, assigneeId }), {
    onSuccess: onClose,
    onError: () => undefined,
  });

  return (
    <ActionModal
      title={t('ticketActions.assignTitle', { reference: ticket.reference })}
      submitLabel={t('ticketActions.assign')}
      saving={assign.isPending}
      error={assign.error}
      onSubmit={() => assign.mutate()}
      onClose={onClose}
      size="md"
    >
      <Select
        label={t('tickets.team')}
        data={teams}
        value={teamId}
        onChange={setTeamId}
        searchable
        clearable
        data-autofocus
      />
      <Select
        label={t('tickets.assignee')}
        data={staff}
        value={assigneeId}
        onChange={setAssigneeId}
        searchable
        clearable
      />
    </ActionModal>
  );
}
