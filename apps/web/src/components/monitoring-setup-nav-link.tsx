import { NavLink } from '@mantine/core';
import { IconBellRinging, IconCalendarCog, IconCpu, IconListCheck, IconSettingsAutomation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';

const ENTRIES = [
  { to: '/monitoring/checks', key: 'checks', icon: IconListCheck },
  { to: '/monitoring/maintenance', key: 'maintenance', icon: IconCalendarCog },
  { to: '/monitoring/agents', key: 'agents', icon: IconCpu },
  { to: '/monitoring/notifications', key: 'notifications', icon: IconBellRinging },
] as const;

/** The supervision set-up pages (checks, maintenance, agents, notifications), grouped under one entry, for staff. */
export function MonitoringSetupNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const user = useMe();
  const { pathname } = useLocation();
  if (!isStaff(user)) return null;
  const inside = ENTRIES.some((e) => pathname.startsWith(e.to));
  return (
    <NavLink
      label={t('monitoringSetup.nav.setup')}
      leftSection={<IconSettingsAutomation size={18} />}
      defaultOpened={inside}
      childrenOffset={28}
    >
      {ENTRIES.map(({ to, key, icon: Icon }) => (
        <NavLink
          key={key}
          component={Link}
          to={to}
          label={t(`monitoringSetup.nav.${key}`)}
          leftSection={<Icon size={16} />}
          active={pathname.startsWith(to)}
          onClick={onNavigate}
        />
      ))}
    </NavLink>
  );
}
