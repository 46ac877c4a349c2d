import { Anchor, Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBan, IconRefresh } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgentView } from '../api/monitoring-setup-endpoints';
import { CheckTimeAgo } from './check-status-badge';

/** An agent's state: revoked, online or offline (no heartbeat for the configured silence). */
export function AgentStatusBadge({ agent }: { agent: Pick<AgentView, 'status' | 'online'> }) {
  const { t } = useTranslation();
  if (agent.status === 'revoked') {
    return (
      <Badge color="gray" variant="outline" tt="none">
        {t('monitoringSetup.agents.revoked')}
      </Badge>
    );
  }
  return (
    <Badge color={agent.online ? 'teal' : 'red'} variant="light" tt="none" data-online={agent.online}>
      {agent.online ? t('monitoringSetup.agents.online') : t('monitoringSetup.agents.offline')}
    </Badge>
  );
}

/** A button that asks before acting; the question and the action name the agent. */
function ConfirmAction({
  action,
  label,
  message,
  color,
  icon,
  onConfirm,
}: {
  action: string;
  label: string;
  message: string;
  color?: string;
  icon: ReactNode;
  onConfirm: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant="subtle" color={color} leftSection={icon} onClick={open} aria-label={label}>
        {action}
      </Button>
      <Modal opened={opened} onClose={close} title={label} centered>
        <Text mb="md">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={color}
            loading={busy}
            data-autofocus
            onClick={() => {
              setBusy(true);
              onConfirm()
                .then(close, () => undefined)
                .finally(() => setBusy(false));
            }}
          >
            {action}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/** The agents: who runs where, which version, when last heard from; staff revoke or rotate their credential. */
export function AgentTable({
  agents,
  operable,
  onRevoke,
  onRotate,
}: {
  agents: AgentView[];
  operable: boolean;
  onRevoke: (agent: AgentView) => Promise<unknown>;
  onRotate: (agent: AgentView) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover data-testid="agent-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('monitoringSetup.agents.hostname')}</Table.Th>
            <Table.Th>{t('common.client')}</Table.Th>
            <Table.Th>{t('monitoringSetup.agents.asset')}</Table.Th>
            <Table.Th>{t('monitoringSetup.agents.version')}</Table.Th>
            <Table.Th>{t('monitoringSetup.agents.os')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('monitoringSetup.agents.lastSeen')}</Table.Th>
            {operable && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((agent) => (
            <Table.Tr key={agent.id} data-agent={agent.hostname}>
              <Table.Td>
                <Text size="sm" fw={500} ff="monospace">
                  {agent.hostname}
                </Text>
              </Table.Td>
              <Table.Td>{agent.clientName}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/assets/${agent.assetId}?tab=monitoring`} size="sm">
                  {agent.assetName}
                </Anchor>
              </Table.Td>
              <Table.Td>{agent.version ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1} title={agent.os ?? undefined}>
                  {agent.os ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <AgentStatusBadge agent={agent} />
              </Table.Td>
              <Table.Td>
                <CheckTimeAgo iso={agent.lastSeenAt} />
              </Table.Td>
              {operable && (
                <Table.Td>
                  {agent.status === 'active' && (
                    <Group gap={2} wrap="nowrap">
                      <ConfirmAction
                        action={t('monitoringSetup.agents.rotate')}
                        label={t('monitoringSetup.agents.rotateNamed', { name: agent.hostname })}
                        message={t('monitoringSetup.agents.confirmRotate', { name: agent.hostname })}
                        icon={<IconRefresh size={14} />}
                        onConfirm={() => onRotate(agent)}
                      />
                      <ConfirmAction
                        action={t('monitoringSetup.agents.revoke')}
                        label={t('monitoringSetup.agents.revokeNamed', { name: agent.hostname })}
                        message={t('monitoringSetup.agents.confirmRevoke', { name: agent.hostname })}
                        color="red"
                        icon={<IconBan size={14} />}
                        onConfirm={() => onRevoke(agent)}
                      />
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
