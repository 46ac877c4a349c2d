import { Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { NotFoundPage } from '../components/not-found-page';
import { SlaReportView } from '../components/sla-report-view';
import { useClientOptions } from '../lib/use-lookups';

/**
 * `/reports`: provider staff choose a client (kept in the URL, `?client=`) and read its monthly SLA report; a client
 * manager reads their own company's (the portal shows the same at `/portal/report`).
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const staff = isStaff(me);
  const clients = useClientOptions(staff);
  const [params, setParams] = useSearchParams();
  const clientId = params.get('client');

  if (!staff) {
    if (me.role !== 'client_manager' || !me.clientId) return <NotFoundPage />;
    return (
      <Stack gap="md">
        <Title order={2}>{t('reports.title')}</Title>
        <SlaReportView clientId={me.clientId} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Title order={2}>{t('reports.title')}</Title>
      <Select
        label={t('common.client')}
        searchable
        data={clients.data ?? []}
        value={clientId}
        onChange={(value) => setParams(value ? { client: value } : {}, { replace: true })}
        w={320}
        data-testid="report-client"
      />
      {clientId ? (
        <SlaReportView key={clientId} clientId={clientId} />
      ) : (
        <Text c="dimmed">{t('reports.chooseClient')}</Text>
      )}
    </Stack>
  );
}
