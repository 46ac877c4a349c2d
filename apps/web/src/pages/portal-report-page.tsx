import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canSeeServiceReport } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { NotFoundPage } from '../components/not-found-page';
import { PortalHourBanks } from '../components/portal-hour-banks';
import { SlaReportView } from '../components/sla-report-view';

/** `/portal/report`: the client manager's service report — the month's SLA figures, and today's prepaid hours. */
export function PortalReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canSeeServiceReport(me) || !me.clientId) return <NotFoundPage />;
  return (
    <Stack gap="md" maw={1200}>
      <Stack gap={4}>
        <Title order={2}>{t('portalReport.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('portalReport.intro')}
        </Text>
      </Stack>
      <PortalHourBanks clientId={me.clientId} />
      <SlaReportView clientId={me.clientId} />
    </Stack>
  );
}
