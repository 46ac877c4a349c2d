import { Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { clientsApi } from '../api/endpoints';
import { canRead, canSeeClientAudit, canWrite, type RegisterArea } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { ClientAssetsTab } from '../components/client-assets-tab';
import { ClientAuditTab } from '../components/client-audit-tab';
import { ClientFormModal } from '../components/client-form-modal';
import { ContactsTab } from '../components/contacts-tab';
import { ContractsTab } from '../components/contracts-tab';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { SitesTab } from '../components/sites-tab';

const TABS = ['sites', 'contacts', 'contracts', 'assets', 'audit'] as const;
const TAB_AREA: Record<Exclude<(typeof TABS)[number], 'audit'>, RegisterArea> = {
  sites: 'site',
  contacts: 'contact',
  contracts: 'contract',
  assets: 'asset',
};
type Tab = (typeof TABS)[number];

export function ClientPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { clientId = '', tab = 'sites' } = useParams();
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const client = useQuery({ queryKey: ['client', clientId], queryFn: () => clientsApi.get(clientId) });

  const tabs = TABS.filter((name) => (name === 'audit' ? canSeeClientAudit(me) : canRead(me, TAB_AREA[name])));
  if (!tabs.includes(tab as Tab)) return <NotFoundPage />;
  if (!client.data) return <QueryState isLoading={client.isLoading} error={client.error} />;
  const c = client.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Badge size="lg" variant="outline">
              {c.code}
            </Badge>
            <Title order={2}>{c.name}</Title>
            {!c.active && <Badge color="gray">{t('clients.archived')}</Badge>}
          </Group>
          <Text c="dimmed" size="sm" mt={4}>
            {[c.legalName, c.timeZone, c.phone, c.email, c.website].filter(Boolean).join(' · ')}
          </Text>
          {c.mailDomains.length > 0 && (
            <Text size="sm" mt={2}>
              {t('clients.mailDomains')}: {c.mailDomains.join(', ')}
            </Text>
          )}
        </div>
        {canWrite(me, 'client') && (
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={openEdit}>
            {t('clients.edit')}
          </Button>
        )}
      </Group>
      <Tabs value={tab} onChange={(value) => navigate(`/clients/${clientId}/${value ?? 'sites'}`)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`clientTabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="sites" pt="md">
          <SitesTab clientId={c.id} editable={canWrite(me, 'site')} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactsTab clientId={c.id} editable={canWrite(me, 'contact')} />
        </Tabs.Panel>
        <Tabs.Panel value="contracts" pt="md">
          <ContractsTab client={c} editable={canWrite(me, 'contract')} />
        </Tabs.Panel>
        <Tabs.Panel value="assets" pt="md">
          <ClientAssetsTab clientId={c.id} editable={canWrite(me, 'asset')} />
        </Tabs.Panel>
        {tabs.includes('audit') && (
          <Tabs.Panel value="audit" pt="md">
            <ClientAuditTab clientId={c.id} />
          </Tabs.Panel>
        )}
      </Tabs>
      {editing && <ClientFormModal client={c} onClose={closeEdit} onSaved={closeEdit} />}
    </Stack>
  );
}
