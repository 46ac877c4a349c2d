import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckView } from '../api/monitoring-setup-endpoints';
import { useNow } from '../lib/use-now';

export const CHECK_STATUS_COLORS: Record<string, string> = {
  ok: 'teal',
  warning: 'orange',
  critical: 'red',
  unknown: 'grape',
  pending: 'gray',
};

/**
 * A check's state as the supervisor reads it: the status, "soft 2/3" while attempts are still being counted,
 * and side badges for unreachable (a parent is down), flapping, in maintenance and disabled.
 */
export function CheckStatusBadges({
  check,
}: {
  check: Pick<
    CheckView,
    'status' | 'hard' | 'attempt' | 'maxAttempts' | 'reachability' | 'flapping' | 'inMaintenance' | 'enabled'
  >;
}) {
  const { t } = useTranslation();
  const unreachable = check.reachability === 'unreachable';
  const soft = !check.hard && check.status !== 'ok' && check.status !== 'pending';
  return (
    <Group gap={4} wrap="nowrap" data-testid="check-status">
      <Badge
        color={unreachable ? 'gray' : (CHECK_STATUS_COLORS[check.status] ?? 'gray')}
        variant={soft ? 'outline' : 'filled'}
        tt="none"
        data-status={check.status}
      >
        {t(`monitoringSetup.statuses.${check.status}`)}
      </Badge>
      {soft && (
        <Tooltip label={t('monitoringSetup.badges.softHint')}>
          <Badge color="gray" variant="light" tt="none">
            {t('monitoringSetup.badges.soft', { attempt: check.attempt, max: check.maxAttempts })}
          </Badge>
        </Tooltip>
      )}
      {unreachable && (
        <Tooltip label={t('monitoringSetup.badges.unreachableHint')}>
          <Badge color="gray" variant="light" tt="none">
            {t('monitoringSetup.badges.unreachable')}
          </Badge>
        </Tooltip>
      )}
      {check.flapping && (
        <Badge color="yellow" variant="light" tt="none">
          {t('monitoringSetup.badges.flapping')}
        </Badge>
      )}
      {check.inMaintenance && (
        <Badge color="blue" variant="light" tt="none">
          {t('monitoringSetup.badges.maintenance')}
        </Badge>
      )}
      {!check.enabled && (
        <Badge color="gray" variant="outline" tt="none">
          {t('monitoringSetup.badges.disabled')}
        </Badge>
      )}
    </Group>
  );
}

/** "3 min ago", refreshed by the shared clock; the exact instant in the tooltip. */
export function CheckTimeAgo({ iso }: { iso: string | null }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!iso) return <Text span>{t('monitoringSetup.ago.never')}</Text>;
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  const text =
    minutes < 1
      ? t('monitoringSetup.ago.justNow')
      : minutes < 60
        ? t('monitoringSetup.ago.minutes', { count: minutes })
        : minutes < 60 * 48
          ? t('monitoringSetup.ago.hours', { count: Math.floor(minutes / 60) })
          : t('monitoringSetup.ago.days', { count: Math.floor(minutes / 1440) });
  return (
    <Text span title={new Date(iso).toLocaleString()} inherit>
      {text}
    </Text>
  );
}
