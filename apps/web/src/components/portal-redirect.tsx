import { Navigate, useLocation, useParams } from 'react-router';

/** A console ticket URL opened by a client person (an old link, a bookmark) leads to the same ticket in the portal. */
export function PortalRedirect() {
  const { ticketId } = useParams();
  const { search } = useLocation();
  return <Navigate to={ticketId ? `/portal/tickets/${ticketId}${search}` : '/portal'} replace />;
}

/**
 * `/monitoring/alerts/:alertId`, the link of alert mails and webhooks: the board with that alert's drawer open
 * (`?alert=`, which the board keeps in sync); client people land on their portal board, the alert outlined.
 */
export function AlertLinkRedirect({ staff }: { staff: boolean }) {
  const { alertId } = useParams();
  const search = alertId ? `?alert=${encodeURIComponent(alertId)}` : '';
  return <Navigate to={`${staff ? '/monitoring' : '/portal/monitoring'}${search}`} replace />;
}
