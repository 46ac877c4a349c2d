import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketSummary } from '../api/types';
import { nearestClock, type SlaState, worstState } from '../lib/sla';
import { useNow } from '../lib/use-now';
import { LevelBadge } from './level-badge';
import { PriorityBadge } from './priority-badge';
import { SlaBadge } from './sla-badge';
import { TicketStatusBadge } from './ticket-status-badge';

const ROW_STYLE: Partial<Record<SlaState, CSSProperties>> = {
  breached: {
    boxShadow: 'inset 4px 0 0 var(--mantine-color-red-6)',
    backgroundColor: 'var(--mantine-color-red-light)',
  },
  warning: { boxShadow: 'inset 4px 0 0 var(--mantine-color-orange-5)' },
};
const SELECTED_STYLE: CSSProperties = { outline: '2px solid var(--mantine-color-indigo-5)', outlineOffset: -2 };

/**
 * The dense queue: one line per ticket; a ticket past a deadline shows red (`data-sla="breached"`), the row under
 * the keyboard cursor is outlined (`aria-selected`).
 */
export function TicketTable({
  tickets,
  selected,
  onSelect,
  onOpen,
}: {
  tickets: TicketSummary[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (ticket: TicketSummary) => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const selectedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (selected >= 0) selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <Table highlightOnHover verticalSpacing={4} fz="sm" aria-label={t('tickets.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('tickets.reference')}</Table.Th>
          <Table.Th w={50}>{t('tickets.priorityShort')}</Table.Th>
          <Table.Th>{t('tickets.titleColumn')}</Table.Th>
          <Table.Th w={80}>{t('common.client')}</Table.Th>
          <Table.Th w={60}>{t('tickets.level')}</Table.Th>
          <Table.Th w={175}>{t('common.status')}</Table.Th>
          <Table.Th w={180}>{t('tickets.holder')}</Table.Th>
          <Table.Th w={220}>{t('tickets.sla')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tickets.map((ticket, index) => {
          const shown = nearestClock(ticket.sla);
          const state = worstState(ticket.sla, now);
          const isSelected = index === selected;
          return (
            <Table.Tr
              key={ticket.id}
              ref={isSelected ? selectedRow : undefined}
              data-sla={state ?? 'none'}
              aria-selected={isSelected}
              style={{
                cursor: 'pointer',
                ...(state ? ROW_STYLE[state] : undefined),
                ...(isSelected ? SELECTED_STYLE : {}),
              }}
              onClick={() => {
                onSelect(index);
                onOpen(ticket);
              }}
            >
              <Table.Td>
                <Text ff="monospace" size="xs">
                  {ticket.reference}
                </Text>
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={ticket.priority} />
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/tickets/${ticket.id}`}
                  size="sm"
                  fw={ticket.status === 'new' ? 600 : undefined}
                  onClick={(event) => event.stopPropagation()}
                >
                  {ticket.title}
                </Anchor>
                {ticket.outOfScope && (
                  <Badge ml="xs" size="xs" color="yellow" variant="light">
                    {t('tickets.billable')}
                  </Badge>
                )}
                {ticket.heldInHouse && (
                  <Badge ml="xs" size="xs" color="grape" variant="light">
                    {t('tickets.inHouse')}
                  </Badge>
                )}
                {ticket.requesterName && (
                  <Text span size="xs" c="dimmed" ml="xs">
                    {ticket.requesterName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" fw={500} title={ticket.clientName}>
                  {ticket.clientCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <LevelBadge level={ticket.supportLevel} />
              </Table.Td>
              <Table.Td>
                <TicketStatusBadge status={ticket.status} pendingReason={ticket.pendingReason} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed" truncate>
                    {ticket.team?.name ?? '—'}
                  </Text>
                  <Text size="xs">/</Text>
                  <Text size="xs" truncate>
                    {ticket.assignee?.name ?? t('tickets.nobody')}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                {shown ? (
                  <SlaBadge clock={shown.clock} name={shown.name} timeZone={ticket.sla.timeZone} showName />
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
