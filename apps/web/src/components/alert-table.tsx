import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertSummary } from '../api/monitoring-board-endpoints';
import { formatDuration } from '../lib/format-duration';
import { formatInstant } from '../lib/format-instant';
import { useNow } from '../lib/use-now';
import { AlertSeverityBadge } from './alert-severity-badge';

const SELECTED_STYLE: CSSProperties = { outline: '2px solid var(--mantine-color-indigo-5)', outlineOffset: -2 };
const HIGHLIGHT_STYLE: CSSProperties = {
  backgroundColor: 'var(--mantine-color-red-light)',
  boxShadow: 'inset 4px 0 0 var(--mantine-color-red-6)',
};
const stop = (event: { stopPropagation: () => void }) => event.stopPropagation();

/** A ticket's reference with its status, linked to the console's or the portal's ticket page. */
function TicketCell({ ticket, path }: { ticket: AlertSummary['ticket']; path: (id: string) => string }) {
  const { t } = useTranslation();
  if (!ticket) return <>—</>;
  return (
    <>
      <Anchor component={Link} to={path(ticket.id)} size="sm" ff="monospace" onClick={stop}>
        {ticket.reference}
      </Anchor>
      <Text size="xs" c="dimmed" data-testid="alert-ticket-status">
        {t(`ticketStatus.${ticket.status}` as 'ticketStatus.new', { defaultValue: ticket.status })}
      </Text>
    </>
  );
}

/**
 * Alerts one per line, in the order given: severity, number, client, asset, check, summary, how long it has been
 * open (counting) or how long it lasted, its ticket, who acknowledged it. The row under the keyboard cursor is
 * outlined (`aria-selected`); a new critical alert is highlighted (`data-highlight`).
 */
export function AlertTable({
  alerts,
  resolved,
  selected = -1,
  highlighted,
  showClient = true,
  ticketPath,
  onSelect,
  onOpen,
}: {
  alerts: AlertSummary[];
  resolved: boolean;
  selected?: number;
  highlighted?: ReadonlySet<string>;
  showClient?: boolean;
  ticketPath: (ticketId: string) => string;
  onSelect?: (index: number) => void;
  onOpen?: (alert: AlertSummary) => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const selectedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (selected >= 0) selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const column = (key: string) => t(`monitoringBoard.columns.${key}` as 'monitoringBoard.columns.age');

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        highlightOnHover
        verticalSpacing={4}
        fz="sm"
        aria-label={t('monitoringBoard.table')}
        data-testid="alert-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{column('severity')}</Table.Th>
            <Table.Th w={60}>{column('number')}</Table.Th>
            {showClient && <Table.Th>{column('client')}</Table.Th>}
            <Table.Th>{column('asset')}</Table.Th>
            <Table.Th>{column('check')}</Table.Th>
            <Table.Th>{column('summary')}</Table.Th>
            <Table.Th w={110}>{resolved ? column('duration') : column('age')}</Table.Th>
            <Table.Th w={110}>{column('ticket')}</Table.Th>
            <Table.Th w={150}>{column('acknowledgedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alerts.map((alert, index) => {
            const isSelected = index === selected;
            const isNew = highlighted?.has(alert.id) ?? false;
            const minutes = resolved ? (alert.durationMs ?? 0) / 60_000 : (now - Date.parse(alert.openedAt)) / 60_000;
            return (
              <Table.Tr
                key={alert.id}
                ref={isSelected ? selectedRow : undefined}
                aria-selected={isSelected}
                data-alert-number={alert.number}
                data-severity={alert.severity}
                data-highlight={isNew}
                style={{
                  cursor: onOpen ? 'pointer' : undefined,
                  transition: 'background-color 600ms',
                  ...(isNew ? HIGHLIGHT_STYLE : {}),
                  ...(isSelected ? SELECTED_STYLE : {}),
                }}
                onClick={() => {
                  onSelect?.(index);
                  onOpen?.(alert);
                }}
              >
                <Table.Td>
                  <AlertSeverityBadge severity={alert.severity} flapping={alert.kind === 'flapping'} />
                  {isNew && (
                    <Badge ml={4} size="xs" color="red" variant="outline">
                      {t('monitoringBoard.newAlert')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="xs">
                    #{alert.number}
                  </Text>
                </Table.Td>
                {showClient && (
                  <Table.Td>
                    <Text size="xs" fw={500}>
                      {alert.clientName}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={`/assets/${alert.assetId}`} size="sm" onClick={stop}>
                    {alert.assetName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{alert.checkName}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} title={alert.summary}>
                    {alert.summary}
                  </Text>
                </Table.Td>
                <Table.Td title={formatInstant(resolved ? alert.resolvedAt : alert.openedAt)}>
                  {formatDuration(t, minutes)}
                </Table.Td>
                <Table.Td>
                  <TicketCell ticket={alert.ticket} path={ticketPath} />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c={alert.acknowledgedBy ? undefined : 'dimmed'}>
                    {alert.acknowledgedBy ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
