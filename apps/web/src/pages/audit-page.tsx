import { Group, Select, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../api/endpoints';
import { canSeeAudit } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { AuditTable } from '../components/audit-table';
import { LoadMore } from '../components/load-more';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { AUDIT_OBJECT_TYPES, endOfDay, startOfDay } from '../lib/audit-query';
import { useClientOptions } from '../lib/use-lookups';
import { usePagedList } from '../lib/use-paged-list';

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = canSeeAudit(me);
  const clients = useClientOptions(allowed);
  const [clientId, setClientId] = useState<string | null>(null);
  const [objectType, setObjectType] = useState<string | null>(null);
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debouncedAction] = useDebouncedValue(action.trim(), 300);
  const query = { clientId, objectType, action: debouncedAction, from: startOfDay(from), to: endOfDay(to) };
  const list = usePagedList(['audit', query], (cursor) => auditApi.list({ ...query, cursor }), allowed);

  if (!allowed) return <NotFoundPage />;
  const clientNames = new Map((clients.data ?? []).map((c) => [c.value, c.label]));

  return (
    <>
      <Title order={2} mb="md">
        {t('audit.title')}
      </Title>
      <Group mb="md" align="flex-end">
        <Select
          label={t('common.client')}
          searchable
          clearable
          data={clients.data ?? []}
          value={clientId}
          onChange={setClientId}
          w={220}
        />
        <Select
          label={t('audit.objectType')}
          clearable
          searchable
          data={AUDIT_OBJECT_TYPES.map((type) => ({ value: type, label: type }))}
          value={objectType}
          onChange={setObjectType}
          w={180}
        />
        <TextInput
          label={t('audit.action')}
          placeholder="update"
          value={action}
          data-search-box
          onChange={(e) => setAction(e.currentTarget.value)}
          w={160}
        />
        <TextInput type="date" label={t('audit.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('audit.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && <AuditTable events={list.items} clientNames={clientNames} />}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </>
  );
}
