import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaintenanceView } from '../api/monitoring-setup-endpoints';
import { formatDuration } from '../lib/format-duration';
import { formatInstant, formatInZone } from '../lib/format-instant';
import { ConfirmDeleteButton } from './confirm-button';
import { EditIconButton } from './edit-icon-button.js';
import { describeRrule } from './maintenance-recurrence';

/** The windows of the period: what they cover, how they repeat, the next occurrence; staff edit and delete. */
export function MaintenanceList({
  windows,
  operable,
  onEdit,
  onDelete,
}: {
  windows: MaintenanceView[];
  operable: boolean;
  onEdit: (window: MaintenanceView) => void;
  onDelete: (window: MaintenanceView) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const now = Date.now();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="maintenance-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('monitoringSetup.maintenance.titleField')}</Table.Th>
            <Table.Th>{t('monitoringSetup.maintenance.scope')}</Table.Th>
            <Table.Th>{t('monitoringSetup.maintenance.recurrence')}</Table.Th>
            <Table.Th>{t('monitoringSetup.maintenance.next')}</Table.Th>
            {operable && <Table.Th w={90} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {windows.map((w) => {
            const next = w.occurrences.find((o) => new Date(o.end).getTime() > now) ?? w.occurrences[0];
            return (
              <Table.Tr key={w.id} data-window={w.title}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={500}>
                      {w.title}
                    </Text>
                    {w.activeNow && (
                      <Badge color="orange" variant="light" tt="none">
                        {t('monitoringSetup.maintenance.activeNow')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {w.clientName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t(`monitoringSetup.maintenance.scopes.${w.scope}`)}: {w.scopeName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{describeRrule(t, w.rrule)}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDuration(t, w.durationMinutes)} · {w.timeZone}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{next ? formatInstant(next.start) : '—'}</Text>
                  {next && (
                    <Text size="xs" c="dimmed">
                      {formatInZone(next.start, w.timeZone)} ({w.timeZone})
                    </Text>
                  )}
                </Table.Td>
                {operable && (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <EditIconButton
                        label={t('monitoringSetup.maintenance.editNamed', { title: w.title })}
                        onClick={() => onEdit(w)}
                      />
                      <ConfirmDeleteButton
                        label={t('monitoringSetup.maintenance.deleteNamed', { title: w.title })}
                        message={t('monitoringSetup.maintenance.confirmDelete', { title: w.title })}
                        onConfirm={() => onDelete(w)}
                      />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
