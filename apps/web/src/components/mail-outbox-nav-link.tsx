import { NavLink } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { canSeeMailOutbox } from '../auth/permissions';
import { useMe } from '../auth/session-context';

/** The console's entry to the outgoing mail log, for provider staff. */
export function MailOutboxNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const user = useMe();
  const { pathname } = useLocation();
  if (!canSeeMailOutbox(user)) return null;
  return (
    <NavLink
      component={Link}
      to="/mail/outbox"
      label={t('mailOutbox.nav')}
      leftSection={<IconMailForward size={18} />}
      active={pathname.startsWith('/mail/outbox')}
      onClick={onNavigate}
    />
  );
}
