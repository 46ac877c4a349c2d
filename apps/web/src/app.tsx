import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router';
import type { Me } from './api/types';
import { homePath, isStaff } from './auth/permissions';
import { useSession } from './auth/session-context';
import { AppLayout } from './components/app-layout';
import { NotFoundPage } from './components/not-found-page';
import { AlertLinkRedirect, PortalRedirect } from './components/portal-redirect';
import { safeNextPath } from './lib/safe-next-path';
import { AssetPage } from './pages/asset-page';
import { AssetsPage } from './pages/assets-page';
import { AuditPage } from './pages/audit-page';
import { ClientPage } from './pages/client-page';
import { ClientsPage } from './pages/clients-page';
import { InvitationPage } from './pages/invitation-page';
import { KbArticlePage } from './pages/kb-article-page';
import { KbPage } from './pages/kb-page';
import { MailInboundPage } from './pages/mail-inbound-page';
import { MailOutboxPage } from './pages/mail-outbox-page';
import { MonitoringAgentsPage } from './pages/monitoring-agents-page';
import { MonitoringBoardPage } from './pages/monitoring-board-page';
import { MonitoringChecksPage } from './pages/monitoring-checks-page';
import { MonitoringMaintenancePage } from './pages/monitoring-maintenance-page';
import { MonitoringNotificationsPage } from './pages/monitoring-notifications-page';
import { PortalHomePage } from './pages/portal-home-page';
import { PortalMonitoringPage } from './pages/portal-monitoring-page';
import { PortalNewTicketPage } from './pages/portal-new-ticket-page';
import { PortalReportPage } from './pages/portal-report-page';
import { PortalTicketPage } from './pages/portal-ticket-page';
import { ReportsPage } from './pages/reports-page';
import { ResetPasswordPage } from './pages/reset-password-page';
import { SignInPage } from './pages/sign-in-page';
import { TeamsPage } from './pages/teams-page';
import { TicketPage } from './pages/ticket-page';
import { TicketSettingsPage } from './pages/ticket-settings-page';
import { TicketsPage } from './pages/tickets-page';
import { TokensPage } from './pages/tokens-page';
import { UsersPage } from './pages/users-page';

export function App() {
  const { t } = useTranslation();
  const { user, signedOut } = useSession();
  const location = useLocation();

  // Pages of the links sent by mail: reachable without a session (and whatever the session).
  if (location.pathname === '/reset-password') return <ResetPasswordPage />;
  if (location.pathname === '/invitation') return <InvitationPage />;
  if (user === undefined) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (user === null) {
    if (location.pathname === '/sign-in') return <SignInPage />;
    const from = `${location.pathname}${location.search}`;
    const next = from === '/' || signedOut ? '' : `?next=${encodeURIComponent(from)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }

  // client people follow their tickets in the portal, whatever link brought them
  const staff = isStaff(user);
  return (
    <Routes>
      <Route path="/sign-in" element={<AfterSignIn user={user} />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={homePath(user)} replace />} />
        <Route path="portal" element={<PortalHomePage />} />
        <Route path="portal/new" element={<PortalNewTicketPage />} />
        <Route path="portal/tickets/:ticketId" element={<PortalTicketPage />} />
        <Route path="portal/report" element={<PortalReportPage />} />
        <Route path="portal/monitoring" element={<PortalMonitoringPage />} />
        <Route path="tickets" element={staff ? <TicketsPage /> : <PortalRedirect />} />
        <Route path="tickets/:ticketId" element={staff ? <TicketPage /> : <PortalRedirect />} />
        <Route path="tickets/:ticketId/:tab" element={staff ? <TicketPage /> : <PortalRedirect />} />
        <Route path="settings/tickets" element={<TicketSettingsPage />} />
        <Route path="kb" element={<KbPage />} />
        <Route path="kb/:articleId" element={<KbArticlePage />} />
        <Route path="clients" element={<ClientsPage />} />
        <Route path="clients/:clientId" element={<ClientPage />} />
        <Route path="clients/:clientId/:tab" element={<ClientPage />} />
        <Route path="assets" element={<AssetsPage />} />
        <Route path="assets/:assetId" element={<AssetPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="mail/inbound" element={<MailInboundPage />} />
        <Route path="mail/outbox" element={<MailOutboxPage />} />
        <Route
          path="monitoring"
          element={staff ? <MonitoringBoardPage /> : <Navigate to="/portal/monitoring" replace />}
        />
        <Route path="monitoring/alerts/:alertId" element={<AlertLinkRedirect staff={staff} />} />
        <Route path="monitoring/checks" element={staff ? <MonitoringChecksPage /> : <PortalRedirect />} />
        <Route path="monitoring/maintenance" element={staff ? <MonitoringMaintenancePage /> : <PortalRedirect />} />
        <Route path="monitoring/agents" element={staff ? <MonitoringAgentsPage /> : <PortalRedirect />} />
        <Route path="monitoring/notifications" element={staff ? <MonitoringNotificationsPage /> : <PortalRedirect />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Once signed in, go where the user was heading (`?next=`), or home. */
function AfterSignIn({ user }: { user: Me }) {
  const [params] = useSearchParams();
  const target = safeNextPath(params.get('next')) ?? homePath(user);
  return <Navigate to={target} replace />;
}
