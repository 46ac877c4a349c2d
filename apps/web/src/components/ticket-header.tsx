import { ActionIcon, Alert, Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAdjustments, IconGitMerge, IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../api/types';
import { LevelBadge } from './level-badge';
import { PriorityBadge } from './priority-badge';
import { TicketStatusBadge } from './ticket-status-badge';
import { TicketTitle } from './ticket-title';

/**
 * Reference, title, status, priority (impact × urgency, editable), level, scope, and the tickets this one is tied
 * to: the follow-up task a workaround left, the ticket it follows up, the one it was merged into.
 */
export function TicketHeader({
  ticket,
  editable,
  onEditPriority,
}: {
  ticket: Ticket;
  editable: boolean;
  onEditPriority: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Group gap="sm" wrap="nowrap" align="center">
        <Badge size="lg" variant="outline" ff="monospace" tt="none" style={{ flexShrink: 0 }}>
          {ticket.reference}
        </Badge>
        <TicketTitle ticket={ticket} editable={editable} />
      </Group>
      <Group gap="xs">
        <TicketStatusBadge status={ticket.status} pendingReason={ticket.pendingReason} />
        <Group gap={2} wrap="nowrap">
          <PriorityBadge priority={ticket.priority} />
          <Text size="xs" c="dimmed">
            {t('tickets.impactUrgency', { impact: ticket.impact, urgency: ticket.urgency })}
          </Text>
          {editable && (
            <Tooltip label={t('tickets.editPriority')}>
              <ActionIcon size="sm" variant="subtle" aria-label={t('tickets.editPriority')} onClick={onEditPriority}>
                <IconAdjustments size={14} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <LevelBadge level={ticket.supportLevel} />
        <Badge size="sm" variant="light" color="gray" tt="none">
          {t(`ticketType.${ticket.type}`)} · {t(`ticketSource.${ticket.source}`)}
        </Badge>
        {ticket.outOfScope && (
          <Tooltip label={t('tickets.outOfScopeHint')}>
            <Badge size="sm" color="yellow" variant="filled" c="dark.7">
              {t('tickets.billable')}
            </Badge>
          </Tooltip>
        )}
        {ticket.heldInHouse && (
          <Tooltip label={t('tickets.inHouseHint')}>
            <Badge size="sm" color="grape" variant="light" data-testid="in-house-badge">
              {t('tickets.inHouse')}
            </Badge>
          </Tooltip>
        )}
        {ticket.followUpTicket && (
          <Anchor component={Link} to={`/tickets/${ticket.followUpTicket.id}`} size="sm" data-testid="follow-up-link">
            <Group gap={4} wrap="nowrap">
              <IconLink size={14} />
              {t('tickets.followUpTask', { reference: ticket.followUpTicket.reference })}
            </Group>
          </Anchor>
        )}
        {ticket.parentTicket && (
          <Anchor component={Link} to={`/tickets/${ticket.parentTicket.id}`} size="sm" data-testid="parent-link">
            <Group gap={4} wrap="nowrap">
              <IconLink size={14} />
              {t('tickets.followUpOf', { reference: ticket.parentTicket.reference })}
            </Group>
          </Anchor>
        )}
      </Group>
      {ticket.mergedInto && (
        <Alert color="gray" icon={<IconGitMerge size={16} />} p="xs">
          {t('tickets.mergedInto')}{' '}
          <Anchor component={Link} to={`/tickets/${ticket.mergedInto.id}`}>
            {ticket.mergedInto.reference}
          </Anchor>
        </Alert>
      )}
    </Stack>
  );
}
