import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { SERVER_CHECK_KINDS } from '@vigie/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckView } from '../api/monitoring-setup-endpoints';
import { CheckStatusBadges, CheckTimeAgo } from './check-status-badge';
import { ConfirmDeleteButton } from './confirm-button';
import { EditIconButton } from './edit-icon-button.js';

/** One line of a check's settings: where it points ("https://…", "10.0.0.1:443", "nginx.service"). */
export function checkTarget(check: Pick<CheckView, 'config'>): string {
  const c = check.config;
  switch (c.kind) {
    case 'http':
      return `${c.method ?? 'GET'} ${c.url}`;
    case 'icmp':
      return c.host;
    case 'tcp':
    case 'tls':
    case 'snmp':
      return `${c.host}:${c.port ?? ''}${c.kind === 'snmp' ? ` ${c.oid}` : ''}`;
    case 'dns':
      return `${c.name} ${c.recordType ?? 'A'}${c.server ? ` @${c.server}` : ''}`;
    case 'plugin':
      return c.command.join(' ');
    case 'service':
      return c.unit;
    case 'heartbeat':
      return `${c.silenceSeconds ?? 300} s`;
  }
}

const isServerKind = (kind: string) => (SERVER_CHECK_KINDS as readonly string[]).includes(kind);

/** Checks with their state and last result; staff run, edit and delete them. */
export function CheckTable({
  checks,
  showAsset = true,
  operable,
  running,
  onRun,
  onEdit,
  onDelete,
}: {
  checks: CheckView[];
  showAsset?: boolean;
  operable: boolean;
  running?: string | null;
  onRun: (check: CheckView) => void;
  onEdit: (check: CheckView) => void;
  onDelete: (check: CheckView) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="check-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('monitoringSetup.checks.status')}</Table.Th>
            <Table.Th>{t('monitoringSetup.checks.name')}</Table.Th>
            {showAsset && <Table.Th>{t('monitoringSetup.checks.asset')}</Table.Th>}
            <Table.Th>{t('monitoringSetup.checks.lastResult')}</Table.Th>
            {operable && <Table.Th w={120}>{t('monitoringSetup.checks.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((check) => (
            <Table.Tr key={check.id} data-check={check.name}>
              <Table.Td>
                <CheckStatusBadges check={check} />
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {check.name}
                  </Text>
                  <Badge variant="outline" color="gray" size="xs" tt="none">
                    {t(`monitoringSetup.kinds.${check.kind}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" lineClamp={1} title={checkTarget(check)} ff="monospace">
                  {checkTarget(check)}
                </Text>
              </Table.Td>
              {showAsset && (
                <Table.Td>
                  <Anchor component={Link} to={`/assets/${check.assetId}?tab=monitoring`} size="sm">
                    {check.assetName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {check.clientName}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" lineClamp={2} title={check.output ?? undefined}>
                  {check.output ?? '—'}
                </Text>
                <Text size="xs" c="dimmed">
                  <CheckTimeAgo iso={check.lastResultAt} />
                  {check.latencyMs !== null && ` · ${Math.round(check.latencyMs)} ms`}
                  {` · ${t('monitoringSetup.checks.every', { s: check.intervalSeconds })}`}
                </Text>
              </Table.Td>
              {operable && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={t('monitoringSetup.checks.runNamed', { name: check.name })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('monitoringSetup.checks.runNamed', { name: check.name })}
                        loading={running === check.id}
                        disabled={!isServerKind(check.kind)}
                        onClick={() => onRun(check)}
                      >
                        <IconPlayerPlay size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <EditIconButton
                      label={t('monitoringSetup.checks.editNamed', { name: check.name })}
                      onClick={() => onEdit(check)}
                    />
                    <ConfirmDeleteButton
                      label={t('monitoringSetup.checks.deleteNamed', { name: check.name })}
                      message={t('monitoringSetup.checks.confirmDelete', { name: check.name })}
                      onConfirm={() => onDelete(check)}
                    />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
