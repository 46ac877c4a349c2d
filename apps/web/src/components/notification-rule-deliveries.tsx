import { Badge, Button, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NotificationDelivery } from '../api/monitoring-setup-endpoints';
import { formatInstant } from '../lib/format-instant';

const COLORS: Record<string, string> = { pending: 'blue', sent: 'teal', failed: 'red' };

/** The delivery log: each message a rule sent (or tries to), its tries and last error; a failed one is retried. */
export function NotificationRuleDeliveries({
  deliveries,
  retrying,
  onRetry,
}: {
  deliveries: NotificationDelivery[];
  retrying: string | null;
  onRetry: (delivery: NotificationDelivery) => void;
}) {
  const { t } = useTranslation();
  const n = (key: string) => t(`monitoringSetup.notifications.${key}` as 'monitoringSetup.notifications.title');
  if (deliveries.length === 0) {
    return (
      <Text c="dimmed" size="sm" ta="center" py="md">
        {n('logEmpty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="notification-deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{n('createdAt')}</Table.Th>
            <Table.Th>{n('rule')}</Table.Th>
            <Table.Th>{n('alert')}</Table.Th>
            <Table.Th>{n('event')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{n('attempts')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{formatInstant(d.createdAt)}</Table.Td>
              <Table.Td>{d.ruleName}</Table.Td>
              <Table.Td>#{d.alertNumber}</Table.Td>
              <Table.Td>
                {t(`monitoringSetup.notifications.events.${d.event}`)}
                {d.event === 'repeat' && d.repeatNo > 0 && ` #${d.repeatNo}`}
                <Text size="xs" c="dimmed">
                  {t(`monitoringSetup.notifications.channels.${d.channel}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={COLORS[d.status] ?? 'gray'} variant="light" tt="none">
                  {t(`monitoringSetup.notifications.deliveryStatuses.${d.status}`)}
                </Badge>
                {d.status === 'sent' && d.sentAt && (
                  <Text size="xs" c="dimmed">
                    {formatInstant(d.sentAt)}
                  </Text>
                )}
                {d.status === 'pending' && d.nextAttemptAt && (
                  <Text size="xs" c="dimmed">
                    {n('nextAttempt')} {formatInstant(d.nextAttemptAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {d.attempts}
                {d.lastError && (
                  <Text size="xs" c="red" lineClamp={2} title={d.lastError}>
                    {d.lastError}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {d.status === 'failed' && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconRefresh size={14} />}
                    loading={retrying === d.id}
                    onClick={() => onRetry(d)}
                  >
                    {n('retry')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
