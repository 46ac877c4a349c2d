import { AppShell, Burger, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useMe } from '../auth/session-context';
import { useGlobalHotkeys } from '../lib/use-global-hotkeys';
import { NavLinks } from './nav-links';
import { NotificationBell } from './notification-bell';
import { PhoneLogProvider } from './phone-log-provider';
import { ShortcutHelp } from './shortcut-help';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const isClientPerson = me.clientId !== null;
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const [helpOpened, { open: openHelp, close: closeHelp }] = useDisclosure(false);
  useGlobalHotkeys(openHelp);

  return (
    <PhoneLogProvider enabled={!isClientPerson}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('header.menu')} />
              <Title order={3} c="indigo.7">
                Vigie
              </Title>
              <Text size="xs" c="dimmed" visibleFrom="md">
                {isClientPerson ? t('header.portalTagline') : t('header.tagline')}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {!isClientPerson && <NotificationBell />}
              <UserMenu onShowShortcuts={openHelp} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <NavLinks onNavigate={closeNav} />
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
        <ShortcutHelp opened={helpOpened} onClose={closeHelp} staff={!isClientPerson} />
      </AppShell>
    </PhoneLogProvider>
  );
}
