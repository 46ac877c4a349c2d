import { Navigate, useLocation, useParams } from 'react-router';

/** A console ticket URL opened by a client person (an old link, a bookmark) leads to the same ticket in the portal. */
export function PortalRedirect() {
  const { ticketId } = useParams();
  const { search } = useLocation();
  return <Navigate to={ticketId ? `/portal/tickets/${ticketId}${search}` : '/portal'} replace />;
}
