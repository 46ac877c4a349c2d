import { Anchor, Button, Divider, Drawer, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AlertDetail, boardApi, boardKeys } from '../api/monitoring-board-endpoints';
import { formatDuration } from '../lib/format-duration';
import { formatInstant } from '../lib/format-instant';
import { useAcknowledgeAlert, useNoteAlert } from './alert-actions';
import { AlertSeverityBadge } from './alert-severity-badge';
import { AlertTimeline } from './alert-timeline';
import { QueryState } from './query-state';

function Facts({ alert, ticketPath }: { alert: AlertDetail; ticketPath: (id: string) => string }) {
  const { t } = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t('monitoringBoard.columns.client'), alert.clientName],
    [
      t('monitoringBoard.columns.asset'),
      <Anchor key="asset" component={Link} to={`/assets/${alert.assetId}`} size="sm">
        {alert.assetName}
      </Anchor>,
    ],
    [t('monitoringBoard.columns.check'), alert.checkName],
    [t('monitoringBoard.drawer.opened'), formatInstant(alert.openedAt)],
    ...(alert.resolvedAt
      ? ([
          [t('monitoringBoard.drawer.resolved'), formatInstant(alert.resolvedAt)],
          [t('monitoringBoard.drawer.duration'), formatDuration(t, (alert.durationMs ?? 0) / 60_000)],
        ] as [string, React.ReactNode][])
      : []),
    [
      t('monitoringBoard.drawer.ticket'),
      alert.ticket ? (
        <Anchor key="ticket" component={Link} to={ticketPath(alert.ticket.id)} size="sm" ff="monospace">
          {alert.ticket.reference}
        </Anchor>
      ) : (
        t('monitoringBoard.drawer.noTicket')
      ),
    ],
    [
      t('monitoringBoard.columns.acknowledgedBy'),
      alert.acknowledgedAt
        ? t('monitoringBoard.drawer.acknowledged', {
            name: alert.acknowledgedBy ?? '—',
            at: formatInstant(alert.acknowledgedAt),
          })
        : t('monitoringBoard.drawer.notAcknowledged'),
    ],
  ];
  return (
    <Table variant="vertical" layout="fixed" data-testid="alert-facts">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={150}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Acknowledge (open, not yet acknowledged alerts) with an optional comment, and add notes. */
function Actions({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledgeAlert();
  const note = useNoteAlert();
  const [comment, setComment] = useState('');
  const [body, setBody] = useState('');
  return (
    <Stack gap="sm">
      {alert.status === 'open' && !alert.acknowledgedAt && (
        <Stack gap={4}>
          <Textarea
            label={t('monitoringBoard.drawer.acknowledgeComment')}
            description={t('monitoringBoard.drawer.acknowledgeHint')}
            autosize
            minRows={2}
            maxLength={5000}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              loading={acknowledge.isPending}
              onClick={() =>
                acknowledge.mutate(
                  { id: alert.id, comment: comment.trim() || undefined },
                  { onSuccess: () => setComment('') },
                )
              }
            >
              {t('monitoringBoard.drawer.acknowledge')}
            </Button>
          </Group>
        </Stack>
      )}
      <Stack gap={4}>
        <Textarea
          label={t('monitoringBoard.drawer.noteBody')}
          autosize
          minRows={2}
          maxLength={5000}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={body.trim() === ''}
            loading={note.isPending}
            onClick={() => note.mutate({ id: alert.id, body: body.trim() }, { onSuccess: () => setBody('') })}
          >
            {t('monitoringBoard.drawer.addNote')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

/** One alert: its facts, its timeline, and (staff) acknowledge and note; kept fresh by the board's stream. */
export function AlertDrawer({
  alertId,
  canOperate,
  ticketPath,
  onClose,
}: {
  alertId: string | null;
  canOperate: boolean;
  ticketPath: (id: string) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: boardKeys.alert(alertId),
    queryFn: () => boardApi.alert(alertId ?? ''),
    enabled: alertId !== null,
  });
  const alert = alertId !== null ? query.data : undefined;
  return (
    <Drawer
      opened={alertId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={alert ? t('monitoringBoard.drawer.title', { number: alert.number }) : ''}
    >
      {!alert && <QueryState isLoading={query.isLoading} error={query.error} />}
      {alert && (
        <Stack gap="md">
          <Group gap="xs">
            <AlertSeverityBadge severity={alert.severity} flapping={alert.kind === 'flapping'} />
            <Text size="sm" c="dimmed">
              {t(`monitoringBoard.tabs.${alert.status}`)}
            </Text>
          </Group>
          <Text fw={500}>{alert.summary}</Text>
          <Facts alert={alert} ticketPath={ticketPath} />
          {canOperate && (
            <>
              <Divider />
              <Actions alert={alert} />
            </>
          )}
          <Title order={5}>{t('monitoringBoard.drawer.timeline')}</Title>
          <AlertTimeline events={alert.events} />
        </Stack>
      )}
    </Drawer>
  );
}
