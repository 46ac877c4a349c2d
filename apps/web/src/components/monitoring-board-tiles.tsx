import { Group, Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertSeverity, BoardSummary } from '../api/monitoring-board-endpoints';
import { ALERT_SEVERITIES, SEVERITY_COLORS } from './alert-severity-badge';

interface Figure {
  key: string;
  label: string;
  value: number;
  color?: string;
}

function Tile({ title, figures, testId }: { title: string; figures: Figure[]; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>
        {title}
      </Text>
      <Group gap="md" wrap="wrap">
        {figures.map((f) => (
          <div key={f.key} data-testid={`${testId}-${f.key}`}>
            <Text fz={26} fw={700} lh={1.1} c={f.value > 0 ? f.color : 'dimmed'}>
              {f.value}
            </Text>
            <Text size="xs" c="dimmed">
              {f.label}
            </Text>
          </div>
        ))}
      </Group>
    </Paper>
  );
}

/**
 * The board's figures: open alerts by severity (each one a shortcut to that filter when `onSeverity` is given),
 * unacknowledged alerts, checks by status, agents online and offline.
 */
export function MonitoringBoardTiles({
  summary,
  onSeverity,
}: {
  summary: BoardSummary;
  onSeverity?: (severity: AlertSeverity) => void;
}) {
  const { t } = useTranslation();
  const label = (key: string) => t(`monitoringBoard.tiles.${key}` as 'monitoringBoard.tiles.ok');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" aria-label={label('label')}>
      <Paper withBorder p="sm" radius="md" data-testid="board-tile-alerts">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>
          {label('alerts')}
        </Text>
        <Group gap="md">
          {ALERT_SEVERITIES.map((severity) => {
            const value = summary.openAlerts[severity];
            const figure = (
              <>
                <Text fz={26} fw={700} lh={1.1} c={value > 0 ? SEVERITY_COLORS[severity] : 'dimmed'}>
                  {value}
                </Text>
                <Text size="xs" c="dimmed">
                  {label(severity)}
                </Text>
              </>
            );
            return onSeverity ? (
              <UnstyledButton
                key={severity}
                data-testid={`board-tile-alerts-${severity}`}
                onClick={() => onSeverity(severity)}
              >
                {figure}
              </UnstyledButton>
            ) : (
              <div key={severity} data-testid={`board-tile-alerts-${severity}`}>
                {figure}
              </div>
            );
          })}
        </Group>
      </Paper>
      <Tile
        title={label('unacknowledged')}
        testId="board-tile-unacknowledged"
        figures={[{ key: 'count', label: label('alerts'), value: summary.unacknowledged, color: 'orange' }]}
      />
      <Tile
        title={label('checks')}
        testId="board-tile-checks"
        figures={[
          { key: 'ok', label: label('ok'), value: summary.checks.ok, color: 'teal' },
          { key: 'warning', label: label('warning'), value: summary.checks.warning, color: 'orange' },
          { key: 'critical', label: label('critical'), value: summary.checks.critical, color: 'red' },
          { key: 'unknown', label: label('unknown'), value: summary.checks.unknown, color: 'gray' },
          { key: 'unreachable', label: label('unreachable'), value: summary.checks.unreachable, color: 'grape' },
          { key: 'pending', label: label('pending'), value: summary.checks.pending },
        ]}
      />
      <Tile
        title={label('agents')}
        testId="board-tile-agents"
        figures={[
          { key: 'online', label: label('online'), value: summary.agents.online, color: 'teal' },
          { key: 'offline', label: label('offline'), value: summary.agents.offline, color: 'red' },
        ]}
      />
    </SimpleGrid>
  );
}
