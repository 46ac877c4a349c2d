import { NavLink } from '@mantine/core';
import {
  IconAddressBook,
  IconBook,
  IconBuilding,
  IconChartBar,
  IconFilePlus,
  IconHistory,
  IconKey,
  IconLifebuoy,
  IconReportAnalytics,
  IconServer,
  IconSettings,
  IconTicket,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { canRead, type NavKey, navFor } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { MailInboundNavLink } from './mail-inbound-nav-link';
import { MailOutboxNavLink } from './mail-outbox-nav-link';
import { MonitoringBoardNavLink } from './monitoring-board-nav-link';
import { MonitoringSetupNavLink } from './monitoring-setup-nav-link';

export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const user = useMe();
  const { pathname } = useLocation();

  const entries: Record<NavKey, { to: string; label: string; icon: ReactNode; activeUnder?: string }> = {
    tickets: { to: '/tickets', label: t('nav.tickets'), icon: <IconTicket size={18} /> },
    kb: { to: '/kb', label: t('nav.kb'), icon: <IconBook size={18} /> },
    clients: { to: '/clients', label: t('nav.clients'), icon: <IconAddressBook size={18} /> },
    assets: { to: '/assets', label: t('nav.assets'), icon: <IconServer size={18} /> },
    audit: { to: '/audit', label: t('nav.audit'), icon: <IconHistory size={18} /> },
    reports: { to: '/reports', label: t('reports.nav'), icon: <IconChartBar size={18} /> },
    users: { to: '/users', label: t('nav.users'), icon: <IconUsers size={18} /> },
    teams: { to: '/teams', label: t('nav.teams'), icon: <IconUsersGroup size={18} /> },
    ticketSettings: { to: '/settings/tickets', label: t('nav.ticketSettings'), icon: <IconSettings size={18} /> },
    tokens: { to: '/tokens', label: t('nav.tokens'), icon: <IconKey size={18} /> },
    portal: {
      to: '/portal',
      label: user.role === 'requester' ? t('portalNav.requests') : t('portalNav.companyRequests'),
      icon: <IconLifebuoy size={18} />,
      // a ticket of the portal belongs here; "/portal/new" and "/portal/report" have their own entries
      activeUnder: '/portal/tickets/',
    },
    portalNew: { to: '/portal/new', label: t('portalNav.newRequest'), icon: <IconFilePlus size={18} /> },
    portalReport: { to: '/portal/report', label: t('portalNav.report'), icon: <IconReportAnalytics size={18} /> },
    myCompany: {
      to: user.clientId ? `/clients/${user.clientId}` : '/',
      label: t('nav.myCompany'),
      icon: <IconBuilding size={18} />,
    },
  };
  const keys = navFor(user);

  return (
    <nav aria-label={t('nav.label')}>
      {keys.map((key) => {
        const entry = entries[key];
        return (
          <NavLink
            key={key}
            component={Link}
            to={entry.to}
            label={entry.label}
            leftSection={entry.icon}
            active={pathname === entry.to || pathname.startsWith(entry.activeUnder ?? `${entry.to}/`)}
            onClick={onNavigate}
          />
        );
      })}
      {keys.includes('myCompany') && canRead(user, 'asset') && (
        <NavLink
          component={Link}
          to="/assets"
          label={t('nav.myAssets')}
          leftSection={<IconServer size={18} />}
          active={pathname.startsWith('/assets')}
          onClick={onNavigate}
        />
      )}
      <MonitoringBoardNavLink onNavigate={onNavigate} />
      <MonitoringSetupNavLink onNavigate={onNavigate} />
      <MailInboundNavLink onNavigate={onNavigate} />
      <MailOutboxNavLink onNavigate={onNavigate} />
    </nav>
  );
}
