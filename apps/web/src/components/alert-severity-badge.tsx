import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertSeverity, AlertSummary } from '../api/monitoring-board-endpoints';

/** Severities from the worst: the board lists critical alerts first. */
export const ALERT_SEVERITIES = ['critical', 'warning', 'unknown'] as const satisfies readonly AlertSeverity[];
export const SEVERITY_COLORS: Record<AlertSeverity, string> = { critical: 'red', warning: 'orange', unknown: 'gray' };

/** Open alerts by severity (critical first), then the newest first within a severity. */
export function compareAlerts(a: AlertSummary, b: AlertSummary): number {
  const bySeverity = ALERT_SEVERITIES.indexOf(a.severity) - ALERT_SEVERITIES.indexOf(b.severity);
  return bySeverity !== 0 ? bySeverity : b.openedAt.localeCompare(a.openedAt);
}

export function AlertSeverityBadge({ severity, flapping }: { severity: AlertSeverity; flapping?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant={severity === 'critical' ? 'filled' : 'light'} size="sm">
      {t(`monitoringBoard.severity.${severity}`)}
      {flapping ? ` · ${t('monitoringBoard.flapping')}` : ''}
    </Badge>
  );
}
