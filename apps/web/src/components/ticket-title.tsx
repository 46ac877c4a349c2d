import { ActionIcon, Group, TextInput, Title, Tooltip } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { useTicketAction } from '../lib/use-ticket-action';

/** The title, edited in place: the pencil (or a click on the title) opens it, Enter saves, Escape cancels. */
export function TicketTitle({ ticket, editable }: { ticket: Ticket; editable: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useTicketAction(ticket.id, (title: string) => ticketsApi.update(ticket.id, { title }), {
    onSuccess: () => setDraft(null),
  });
  const commit = () => {
    if (draft === null) return;
    if (draft.trim() === '' || draft.trim() === ticket.title) setDraft(null);
    else save.mutate(draft.trim());
  };

  if (draft !== null) {
    return (
      <TextInput
        aria-label={t('tickets.titleField')}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={getHotkeyHandler([
          ['Enter', commit],
          ['Escape', () => setDraft(null)],
        ])}
        disabled={save.isPending}
        maxLength={200}
        size="md"
        style={{ flex: 1, minWidth: 320 }}
        autoFocus
      />
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Title order={2} size="h3">
        {ticket.title}
      </Title>
      {editable && (
        <Tooltip label={t('tickets.editTitle')}>
          <ActionIcon variant="subtle" aria-label={t('tickets.editTitle')} onClick={() => setDraft(ticket.title)}>
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
