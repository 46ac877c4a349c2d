import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PendingReason, TicketStatus } from '../lib/enums';

const COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'indigo',
  in_progress: 'violet',
  pending: 'yellow',
  resolved: 'teal',
  closed: 'gray',
};

/** The status, with the reason a pending ticket waits ("Pending · vendor"). */
export function TicketStatusBadge({
  status,
  pendingReason,
}: {
  status: TicketStatus;
  pendingReason?: PendingReason | null;
}) {
  const { t } = useTranslation();
  const label = t(`ticketStatus.${status}`);
  return (
    <Badge color={COLORS[status]} variant="dot" size="sm" tt="none" data-status={status}>
      {status === 'pending' && pendingReason ? `${label} · ${t(`pendingReason.${pendingReason}`)}` : label}
    </Badge>
  );
}
