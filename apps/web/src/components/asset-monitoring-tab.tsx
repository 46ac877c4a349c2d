import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AssetMonitoring, assetMonitoringApi, type CheckView } from '../api/monitoring-setup-endpoints';
import type { Asset } from '../api/types';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { formatInstant } from '../lib/format-instant';
import { AgentStatusBadge } from './agent-table';
import { AssetMonitoringCharts } from './asset-monitoring-charts';
import { useCheckActions } from './check-actions';
import { CheckFormModal } from './check-form-modal';
import { CheckTimeAgo } from './check-status-badge';
import { CheckTable } from './check-table';
import { Field } from './field';
import { QueryState } from './query-state';

const SEVERITY_COLORS: Record<string, string> = { critical: 'red', warning: 'orange', unknown: 'grape' };

function percent(ratio: number | null): string {
  if (ratio === null) return '—';
  const value = ratio * 100;
  return `${value >= 99.995 ? '100' : value.toFixed(value >= 99 ? 2 : 1)} %`;
}

function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The agent of the asset (version, last contact, online), or how to enroll one. */
function AgentCard({ monitoring, asset }: { monitoring: AssetMonitoring; asset: Asset }) {
  const { t } = useTranslation();
  const me = useMe();
  const agent = monitoring.agent;
  return (
    <Card title={t('monitoringSetup.tab.agent')} testId="asset-agent">
      {agent ? (
        <Stack gap="xs">
          <Group gap="xs">
            <AgentStatusBadge agent={agent} />
            <Text size="sm" ff="monospace">
              {agent.hostname}
            </Text>
          </Group>
          <SimpleGrid cols={2}>
            <Field label={t('monitoringSetup.agents.version')}>{agent.version ?? '—'}</Field>
            <Field label={t('monitoringSetup.agents.lastSeen')}>
              <CheckTimeAgo iso={agent.lastSeenAt} />
            </Field>
            <Field label={t('monitoringSetup.agents.os')}>{agent.os ?? '—'}</Field>
            <Field label={t('monitoringSetup.tab.enrolledAt')}>{formatInstant(agent.enrolledAt)}</Field>
          </SimpleGrid>
        </Stack>
      ) : (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed" data-testid="no-agent">
            {t('monitoringSetup.tab.noAgent')}
          </Text>
          {isStaff(me) && (
            <Button component={Link} to={`/monitoring/agents?clientId=${asset.clientId}`} variant="light" size="xs">
              {t('monitoringSetup.tab.enroll')}
            </Button>
          )}
        </Stack>
      )}
    </Card>
  );
}

/** OS, kernel, CPU, memory, packages, pending updates and failed services, from the agent's last inventory. */
function InventoryCard({ inventory }: { inventory: AssetMonitoring['inventory'] }) {
  const { t } = useTranslation();
  if (!inventory) {
    return (
      <Card title={t('monitoringSetup.tab.inventory')} testId="asset-inventory">
        <Text size="sm" c="dimmed">
          {t('monitoringSetup.tab.noInventory')}
        </Text>
      </Card>
    );
  }
  const os = inventory.os as { name?: string; kernel?: string; arch?: string };
  const hw = inventory.hardware as { cpuModel?: string; cpus?: number; memoryBytes?: number };
  const memory = typeof hw.memoryBytes === 'number' ? `${(hw.memoryBytes / 1024 ** 3).toFixed(1)} GiB` : '—';
  return (
    <Card title={t('monitoringSetup.tab.inventory')} testId="asset-inventory">
      <SimpleGrid cols={2} spacing="xs">
        <Field label={t('monitoringSetup.tab.os')}>{os.name ?? '—'}</Field>
        <Field label={t('monitoringSetup.tab.kernel')}>{[os.kernel, os.arch].filter(Boolean).join(' · ') || '—'}</Field>
        <Field label={t('monitoringSetup.tab.cpu')}>
          {[hw.cpuModel, hw.cpus ? `× ${hw.cpus}` : null].filter(Boolean).join(' ') || '—'}
        </Field>
        <Field label={t('monitoringSetup.tab.memoryTotal')}>{memory}</Field>
        <Field label={t('monitoringSetup.tab.packages')}>{inventory.packageCount}</Field>
        <Field label={t('monitoringSetup.tab.updates')}>
          <Group gap={4}>
            {inventory.updates.total}
            {inventory.updates.security > 0 && (
              <Badge color="red" variant="light" size="sm" tt="none">
                {t('monitoringSetup.tab.security', { count: inventory.updates.security })}
              </Badge>
            )}
          </Group>
        </Field>
      </SimpleGrid>
      <Field label={t('monitoringSetup.tab.failedServices')}>
        {inventory.failedServices.length === 0 ? (
          t('monitoringSetup.tab.noFailedService')
        ) : (
          <Text size="sm" c="red" ff="monospace">
            {inventory.failedServices.join(', ')}
          </Text>
        )}
      </Field>
      <Text size="xs" c="dimmed" mt="xs">
        {t('monitoringSetup.tab.collectedAt', { date: formatInstant(inventory.collectedAt) })}
      </Text>
    </Card>
  );
}

/**
 * The asset page's "Monitoring" tab: its agent, availability, inventory, checks with their state, open alerts and
 * charts of CPU, memory, disks and check latency.
 */
export function AssetMonitoringTab({ asset }: { asset: Asset }) {
  const { t } = useTranslation();
  const me = useMe();
  const operable = isStaff(me);
  const [editing, setEditing] = useState<CheckView | 'new' | null>(null);
  const actions = useCheckActions();
  const query = useQuery({
    queryKey: ['asset-monitoring', asset.id],
    queryFn: () => assetMonitoringApi.get(asset.id),
    refetchInterval: 30_000,
  });
  if (!query.data) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const m = query.data;
  const picked = { id: asset.id, name: asset.name, clientId: asset.clientId, clientName: asset.clientName };

  return (
    <Stack gap="lg" data-testid="asset-monitoring">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <AgentCard monitoring={m} asset={asset} />
        <Card title={t('monitoringSetup.tab.availability')} testId="asset-availability">
          <SimpleGrid cols={2}>
            <Field label={t('monitoringSetup.tab.today')}>
              <Text fw={700} size="xl">
                {percent(m.availability.day)}
              </Text>
            </Field>
            <Field label={t('monitoringSetup.tab.thisMonth')}>
              <Text fw={700} size="xl">
                {percent(m.availability.month)}
              </Text>
            </Field>
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('monitoringSetup.tab.availabilityHint')}
          </Text>
        </Card>
        <InventoryCard inventory={m.inventory} />
      </SimpleGrid>

      <Stack gap="xs" component="section" aria-labelledby="asset-alerts-title">
        <Title order={3} size="h4" id="asset-alerts-title">
          {t('monitoringSetup.tab.alerts')}
        </Title>
        {m.openAlerts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('monitoringSetup.tab.noAlerts')}
          </Text>
        ) : (
          <Table striped data-testid="asset-alerts">
            <Table.Tbody>
              {m.openAlerts.map((alert) => (
                <Table.Tr key={alert.id}>
                  <Table.Td w={110}>
                    <Badge color={SEVERITY_COLORS[alert.severity] ?? 'gray'} tt="none">
                      {t(`monitoringSetup.statuses.${alert.severity}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {alert.checkName}
                      {alert.kind === 'flapping' && ` · ${t('monitoringSetup.badges.flapping')}`}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {alert.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{t('monitoringSetup.tab.since', { date: formatInstant(alert.openedAt) })}</Text>
                    {alert.acknowledgedAt && (
                      <Text size="xs" c="dimmed">
                        {t('monitoringSetup.tab.acknowledged', { name: alert.acknowledgedBy ?? '—' })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {alert.ticket ? (
                      <Anchor component={Link} to={`/tickets/${alert.ticket.id}`} size="sm">
                        {alert.ticket.reference}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="asset-checks-title">
        <Group justify="space-between">
          <Title order={3} size="h4" id="asset-checks-title">
            {t('monitoringSetup.tab.checks')}
          </Title>
          {operable && (
            <Group gap="xs">
              <Anchor component={Link} to={`/monitoring/checks?assetId=${asset.id}`} size="sm">
                {t('monitoringSetup.tab.allChecks')}
              </Anchor>
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
                {t('monitoringSetup.checks.new')}
              </Button>
            </Group>
          )}
        </Group>
        {m.checks.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-checks">
            {t('monitoringSetup.tab.noChecks')}
          </Text>
        ) : (
          <CheckTable
            checks={m.checks}
            showAsset={false}
            operable={operable}
            running={actions.running}
            onRun={(check) => actions.run.mutate(check)}
            onEdit={setEditing}
            onDelete={actions.remove}
          />
        )}
      </Stack>

      <AssetMonitoringCharts monitoring={m} />

      {editing && (
        <CheckFormModal
          check={editing === 'new' ? undefined : editing}
          asset={picked}
          lockAsset
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
