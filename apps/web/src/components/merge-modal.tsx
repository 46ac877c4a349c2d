import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { useTicketAction } from '../lib/use-ticket-action';
import { ActionModal } from './action-modal';

/**
 * Merge a duplicate into another ticket, found by its reference (T-000123) or words of its title; then go to the
 * ticket that remains.
 */
export function MergeModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const candidates = useQuery({
    queryKey: ['tickets', 'merge-candidates', ticket.clientId, debounced],
    // with no search, the client's other open tickets; with one, any ticket (a reference may be anyone's)
    queryFn: () =>
      ticketsApi.list(
        debounced ? { queue: 'all', q: debounced, limit: 20 } : { queue: 'open', clientId: ticket.clientId, limit: 20 },
      ),
    placeholderData: (previous) => previous,
    select: (page) => page.items.filter((item) => item.id !== ticket.id),
  });
  const navigate = useNavigate();
  const merge = useTicketAction(ticket.id, () => ticketsApi.merge(ticket.id, targetId ?? ''), {
    onSuccess: (answer) => {
      onClose();
      if (answer.id !== ticket.id) void navigate(`/tickets/${answer.id}`);
    },
    onError: () => undefined,
  });

  return (
    <ActionModal
      title={t('ticketActions.mergeTitle', { reference: ticket.reference })}
      submitLabel={t('ticketActions.merge')}
      saving={merge.isPending}
      error={merge.error}
      onSubmit={() => targetId && merge.mutate()}
      onClose={onClose}
      size="md"
    >
      <Text size="sm" c="dimmed">
        {t('ticketActions.mergeHint')}
      </Text>
      <Select
        label={t('ticketActions.mergeInto')}
        placeholder="T-000123"
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` }))}
        value={targetId}
        onChange={setTargetId}
        nothingFoundMessage={t('ticketActions.noCandidate')}
        required
        data-autofocus
      />
    </ActionModal>
  );
}
