import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AgentView, agentsApi, enrollmentsApi, itemsOf } from '../api/monitoring-setup-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { AgentEnrollPanel } from '../components/agent-enroll-panel';
import { AgentEnrollmentList } from '../components/agent-enrollment-list';
import { AgentTable } from '../components/agent-table';
import { QueryState } from '../components/query-state';
import { notifyError } from '../lib/errors';
import { useClientOptions } from '../lib/use-lookups';

/** /monitoring/agents: the agents with their version and last contact, and the enrollment of new machines. */
export function MonitoringAgentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const operable = isStaff(me);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('clientId');
  const clients = useClientOptions(operable);
  const agents = useQuery({
    queryKey: ['monitoring-agents', clientId],
    queryFn: () => agentsApi.list({ clientId }),
    refetchInterval: 30_000,
  });
  const enrollments = useQuery({
    queryKey: ['monitoring-enrollments', clientId],
    queryFn: () => enrollmentsApi.list({ clientId }),
    enabled: operable,
  });
  const act = async (run: () => Promise<unknown>, message: string) => {
    try {
      await run();
      notifications.show({ color: 'teal', message });
      await queryClient.invalidateQueries({ queryKey: ['monitoring-agents'] });
      await queryClient.invalidateQueries({ queryKey: ['monitoring-enrollments'] });
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };
  const list = itemsOf(agents.data);

  return (
    <Stack gap="md">
      <div>
        <Title order={2} mb={4}>
          {t('monitoringSetup.agents.title')}
        </Title>
        <Text c="dimmed">{t('monitoringSetup.agents.intro')}</Text>
      </div>
      {operable && (
        <Group align="flex-end">
          <Select
            label={t('common.client')}
            searchable
            clearable
            data={clients.data ?? []}
            value={clientId}
            onChange={(v) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (v) next.set('clientId', v);
                  else next.delete('clientId');
                  return next;
                },
                { replace: true },
              )
            }
            w={240}
          />
        </Group>
      )}
      <QueryState isLoading={agents.isLoading} error={agents.error} />
      {agents.data && list.length === 0 && (
        <Text c="dimmed" ta="center" py="md" data-testid="agents-empty">
          {t('monitoringSetup.agents.empty')}
        </Text>
      )}
      {list.length > 0 && (
        <AgentTable
          agents={list}
          operable={operable}
          onRevoke={(a: AgentView) =>
            act(() => agentsApi.revoke(a.id), t('monitoringSetup.agents.revokedDone', { name: a.hostname }))
          }
          onRotate={(a: AgentView) =>
            act(() => agentsApi.rotate(a.id), t('monitoringSetup.agents.rotatedDone', { name: a.hostname }))
          }
        />
      )}
      {operable && (
        <>
          <AgentEnrollPanel key={clientId ?? 'all'} defaultClientId={clientId} />
          <Title order={3} size="h4">
            {t('monitoringSetup.enroll.tokens')}
          </Title>
          <QueryState isLoading={enrollments.isLoading} error={enrollments.error} />
          {enrollments.data && (
            <AgentEnrollmentList
              enrollments={itemsOf(enrollments.data)}
              operable={operable}
              onRevoke={(en) =>
                act(() => enrollmentsApi.revoke(en.id), t('monitoringSetup.enroll.revokedDone', { label: en.label }))
              }
            />
          )}
        </>
      )}
    </Stack>
  );
}
