import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canConfigureTickets } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { CategoriesSection } from '../components/categories-section';
import { NotFoundPage } from '../components/not-found-page';
import { PriorityMatrixEditor } from '../components/priority-matrix-editor';
import { SlaActionsSection } from '../components/sla-actions-section';

/** Helpdesk settings for managers and admins: ticket categories, the priority matrix and the SLA actions. */
export function TicketSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canConfigureTickets(me)) return <NotFoundPage />;
  return (
    <Stack gap="lg">
      <Title order={2}>{t('ticketSettings.title')}</Title>
      <CategoriesSection />
      <PriorityMatrixEditor />
      <SlaActionsSection />
    </Stack>
  );
}
