import { Badge, Group } from '@mantine/core';
import { IconBell, IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../api/types';
import type { TicketStatus } from '../lib/enums';

const COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'blue',
  in_progress: 'violet',
  pending: 'yellow',
  resolved: 'teal',
  closed: 'gray',
};

type Waiting = 'answer' | 'confirmation' | null;

/** What the client has to do on a ticket: answer a question (pending on the requester) or confirm a solution. */
export function waitingForClient(ticket: Pick<TicketSummary, 'status' | 'pendingReason'>): Waiting {
  if (ticket.status === 'pending' && ticket.pendingReason === 'requester') return 'answer';
  if (ticket.status === 'resolved') return 'confirmation';
  return null;
}

/**
 * A ticket's state in plain words for the client ("Being worked on"), with a marker when it waits for them and
 * when their own IT holds it.
 */
export function PortalStatus({ ticket }: { ticket: Pick<TicketSummary, 'status' | 'pendingReason' | 'heldInHouse'> }) {
  const { t } = useTranslation();
  const waiting = waitingForClient(ticket);
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={COLORS[ticket.status]} variant="light" tt="none" data-status={ticket.status}>
        {t(`portalStatus.${ticket.status}`)}
      </Badge>
      {waiting && (
        <Badge
          color="orange"
          variant="filled"
          tt="none"
          leftSection={<IconBell size={12} aria-hidden />}
          title={waiting === 'answer' ? t('portal.waitingAnswer') : t('portal.waitingConfirmation')}
          data-testid="waiting-for-you"
        >
          {t('portal.waitingForYou')}
        </Badge>
      )}
      {ticket.heldInHouse && ticket.status !== 'closed' && (
        <Badge color="cyan" variant="outline" tt="none" leftSection={<IconBuildingCommunity size={12} aria-hidden />}>
          {t('portal.inHouse')}
        </Badge>
      )}
    </Group>
  );
}
