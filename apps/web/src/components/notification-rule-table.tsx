import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NotificationRule } from '../api/monitoring-setup-endpoints';
import { ConfirmDeleteButton } from './confirm-button';
import { EditIconButton } from './edit-icon-button.js';

/** The notification rules: which alerts go where, in which format, how often repeated. */
export function NotificationRuleTable({
  rules,
  clientName,
  teamName,
  onEdit,
  onDelete,
}: {
  rules: NotificationRule[];
  clientName: (id: string) => string;
  teamName: (id: string) => string;
  onEdit: (rule: NotificationRule) => void;
  onDelete: (rule: NotificationRule) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const n = (key: string) => t(`monitoringSetup.notifications.${key}` as 'monitoringSetup.notifications.title');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="notification-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.name')}</Table.Th>
            <Table.Th>{t('common.client')}</Table.Th>
            <Table.Th>{n('minSeverity')}</Table.Th>
            <Table.Th>{n('channel')}</Table.Th>
            <Table.Th>{n('repeat')}</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id} data-rule={rule.name}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {rule.name}
                  </Text>
                  {!rule.enabled && (
                    <Badge color="gray" variant="outline" tt="none">
                      {n('disabled')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{rule.clientId ? clientName(rule.clientId) : n('allClients')}</Table.Td>
              <Table.Td>
                <Badge color={rule.minSeverity === 'critical' ? 'red' : 'orange'} variant="light" tt="none">
                  {t(`monitoringSetup.notifications.severities.${rule.minSeverity}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t(`monitoringSetup.notifications.channels.${rule.channel}`)} ·{' '}
                  {t(`monitoringSetup.notifications.formats.${rule.format}`)}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1} title={rule.target}>
                  {[rule.teamId ? teamName(rule.teamId) : null, rule.target || null].filter(Boolean).join(' · ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {rule.repeatMinutes
                  ? t('monitoringSetup.notifications.every', { m: rule.repeatMinutes })
                  : n('noRepeat')}
              </Table.Td>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <EditIconButton
                    label={t('monitoringSetup.notifications.editNamed', { name: rule.name })}
                    onClick={() => onEdit(rule)}
                  />
                  <ConfirmDeleteButton
                    label={t('monitoringSetup.notifications.deleteNamed', { name: rule.name })}
                    message={t('monitoringSetup.notifications.confirmDelete', { name: rule.name })}
                    onConfirm={() => onDelete(rule)}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
