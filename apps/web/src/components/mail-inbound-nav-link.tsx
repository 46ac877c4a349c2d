import { NavLink } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { canSeeMailInbound } from '../auth/permissions';
import { useMe } from '../auth/session-context';

/** The console's entry to inbound mail (triage, quarantine), for provider staff. */
export function MailInboundNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const user = useMe();
  const { pathname } = useLocation();
  if (!canSeeMailInbound(user)) return null;
  return (
    <NavLink
      component={Link}
      to="/mail/inbound"
      label={t('mailInbound.nav')}
      leftSection={<IconInbox size={18} />}
      active={pathname.startsWith('/mail/inbound')}
      onClick={onNavigate}
    />
  );
}
