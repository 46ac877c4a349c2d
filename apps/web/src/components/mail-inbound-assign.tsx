import { Button, Group, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clientsApi, contactsApi } from '../api/endpoints';

/** Picks the client (and optionally the contact) a triage message belongs to. */
export function MailInboundAssign({
  loading,
  onAssign,
}: {
  loading: boolean;
  onAssign: (input: { clientId: string; requesterContactId: string | null }) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [clientId, setClientId] = useState<string | null>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const clients = useQuery({
    queryKey: ['mail-inbound-clients', search],
    queryFn: () => clientsApi.list({ q: search || undefined, active: 'true', limit: 20 }),
  });
  const contacts = useQuery({
    queryKey: ['mail-inbound-contacts', clientId],
    queryFn: () => contactsApi.list(clientId ?? '', { limit: 200 }),
    enabled: clientId !== null,
  });
  return (
    <Stack gap="xs" data-testid="mail-inbound-assign">
      <Select
        label={t('mailInbound.assignClient')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={clientId}
        onChange={(value) => {
          setClientId(value);
          setContactId(null);
        }}
        nothingFoundMessage={t('mailInbound.noClient')}
      />
      <Select
        label={t('mailInbound.assignContact')}
        clearable
        searchable
        disabled={clientId === null}
        data={(contacts.data?.items ?? []).map((c) => ({
          value: c.id,
          label: `${c.firstName} ${c.lastName}${c.email ? ` <${c.email}>` : ''}`,
        }))}
        value={contactId}
        onChange={setContactId}
      />
      <Group justify="flex-end">
        <Button
          size="xs"
          disabled={clientId === null}
          loading={loading}
          onClick={() => clientId && onAssign({ clientId, requesterContactId: contactId })}
        >
          {t('mailInbound.assign')}
        </Button>
      </Group>
    </Stack>
  );
}
