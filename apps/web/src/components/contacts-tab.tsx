import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconFileImport, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactsApi } from '../api/endpoints';
import type { Contact } from '../api/types';
import { notifyError } from '../lib/errors';
import { usePagedList } from '../lib/use-paged-list';
import { ConfirmDeleteButton } from './confirm-button';
import { ContactFormModal } from './contact-form-modal';
import { CsvImportModal } from './csv-import-modal';
import { LoadMore } from './load-more';
import { QueryState } from './query-state';
import { SearchInput } from './search-input';

export function ContactsTab({ clientId, editable }: { clientId: string; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const list = usePagedList(['contacts', clientId, q], (cursor) => contactsApi.list(clientId, { q, cursor }));

  const remove = async (contact: Contact) => {
    try {
      await contactsApi.remove(contact.id);
      await queryClient.invalidateQueries({ queryKey: ['contacts', clientId] });
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <>
      <Group justify="space-between" mb="sm">
        <SearchInput label={t('contacts.search')} value={q} onChange={setQ} />
        {editable && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              {t('imports.button')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('contacts.new')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && list.items.length === 0 && <Text c="dimmed">{t('contacts.empty')}</Text>}
      {list.items.length > 0 && (
        <Table striped aria-label={t('clientTabs.contacts')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('contacts.jobTitle')}</Table.Th>
              <Table.Th>{t('common.email')}</Table.Th>
              <Table.Th>{t('common.phone')}</Table.Th>
              <Table.Th>{t('contacts.mobile')}</Table.Th>
              {editable && <Table.Th w={90} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((contact) => {
              const name = `${contact.firstName} ${contact.lastName}`.trim();
              return (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    {name}
                    {contact.isPrimary && (
                      <Badge ml="xs" size="xs">
                        {t('contacts.primary')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{contact.jobTitle}</Table.Td>
                  <Table.Td>{contact.email}</Table.Td>
                  <Table.Td>{contact.phone}</Table.Td>
                  <Table.Td>{contact.mobile}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('contacts.editNamed', { name })}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('contacts.editNamed', { name })}
                            onClick={() => setEditing(contact)}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <ConfirmDeleteButton
                          label={t('contacts.deleteNamed', { name })}
                          message={t('contacts.confirmDelete', { name })}
                          onConfirm={() => remove(contact)}
                        />
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {editing && (
        <ContactFormModal
          clientId={clientId}
          contact={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && (
        <CsvImportModal
          clientId={clientId}
          kind="contacts"
          onClose={() => setImporting(false)}
          onImported={() => void queryClient.invalidateQueries({ queryKey: ['contacts', clientId] })}
        />
      )}
    </>
  );
}
