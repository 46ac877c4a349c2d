import { NavLink } from '@mantine/core';
import { IconActivityHeartbeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { canSeePortalMonitoring } from '../pages/portal-monitoring-page';

/** "Supervision": the live board for provider staff (/monitoring), the client's board for its manager (portal). */
export function MonitoringBoardNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const user = useMe();
  const { pathname } = useLocation();
  const to = isStaff(user) ? '/monitoring' : canSeePortalMonitoring(user.role) ? '/portal/monitoring' : null;
  if (!to) return null;
  return (
    <NavLink
      component={Link}
      to={to}
      label={t('monitoringBoard.nav')}
      leftSection={<IconActivityHeartbeat size={18} />}
      active={pathname === to}
      onClick={onNavigate}
    />
  );
}
