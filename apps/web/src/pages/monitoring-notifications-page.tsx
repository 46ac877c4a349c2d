import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamsApi } from '../api/endpoints';
import { itemsOf, type NotificationRule, notificationRulesApi } from '../api/monitoring-setup-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { LoadMore } from '../components/load-more';
import { NotFoundPage } from '../components/not-found-page';
import { NotificationRuleDeliveries } from '../components/notification-rule-deliveries';
import { NotificationRuleFormModal } from '../components/notification-rule-form-modal';
import { NotificationRuleTable } from '../components/notification-rule-table';
import { QueryState } from '../components/query-state';
import { notifyError } from '../lib/errors';
import { useClientOptions } from '../lib/use-lookups';
import { usePagedList } from '../lib/use-paged-list';

/** /monitoring/notifications: who is told of which alerts, and the log of every message sent. */
export function MonitoringNotificationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = isStaff(me);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<NotificationRule | 'new' | null>(null);
  const rules = useQuery({
    queryKey: ['monitoring-notification-rules'],
    queryFn: notificationRulesApi.list,
    enabled: allowed,
  });
  const clients = useClientOptions(allowed);
  const teams = useQuery({
    queryKey: ['teams', 'options'],
    queryFn: () => teamsApi.list({ limit: 200 }),
    enabled: allowed,
    select: (page) => itemsOf(page).map((team) => ({ value: team.id, label: team.name })),
  });
  const deliveries = usePagedList(
    ['monitoring-notification-deliveries'],
    (cursor) => notificationRulesApi.deliveries({ cursor, limit: 50 }),
    allowed,
    20_000,
  );
  const retry = useMutation({
    mutationFn: (id: string) => notificationRulesApi.retry(id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('monitoringSetup.notifications.retried') });
      void queryClient.invalidateQueries({ queryKey: ['monitoring-notification-deliveries'] });
    },
    onError: (error) => notifyError(t, error),
  });
  const remove = async (rule: NotificationRule) => {
    try {
      await notificationRulesApi.remove(rule.id);
      await queryClient.invalidateQueries({ queryKey: ['monitoring-notification-rules'] });
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };
  const nameIn = (options: { value: string; label: string }[] | undefined) => (id: string) =>
    options?.find((o) => o.value === id)?.label ?? id;

  if (!allowed) return <NotFoundPage />;
  const ruleList = itemsOf(rules.data);
  return (
    <Stack gap="md">
      <div>
        <Group justify="space-between" mb={4}>
          <Title order={2}>{t('monitoringSetup.notifications.title')}</Title>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('monitoringSetup.notifications.newRule')}
          </Button>
        </Group>
        <Text c="dimmed">{t('monitoringSetup.notifications.intro')}</Text>
      </div>
      <Title order={3} size="h4">
        {t('monitoringSetup.notifications.rules')}
      </Title>
      <QueryState isLoading={rules.isLoading} error={rules.error} />
      {rules.data && ruleList.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          {t('monitoringSetup.notifications.rulesEmpty')}
        </Text>
      )}
      {ruleList.length > 0 && (
        <NotificationRuleTable
          rules={ruleList}
          clientName={nameIn(clients.data)}
          teamName={nameIn(teams.data)}
          onEdit={setEditing}
          onDelete={remove}
        />
      )}
      <Title order={3} size="h4">
        {t('monitoringSetup.notifications.log')}
      </Title>
      <QueryState isLoading={deliveries.isLoading} error={deliveries.error} />
      {deliveries.data && (
        <NotificationRuleDeliveries
          deliveries={deliveries.items}
          retrying={retry.isPending ? (retry.variables ?? null) : null}
          onRetry={(d) => retry.mutate(d.id)}
        />
      )}
      <LoadMore
        hasMore={deliveries.hasNextPage}
        loading={deliveries.isFetchingNextPage}
        onLoad={() => void deliveries.fetchNextPage()}
      />
      {editing && (
        <NotificationRuleFormModal rule={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
