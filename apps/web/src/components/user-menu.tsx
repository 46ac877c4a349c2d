import { ActionIcon, Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconKeyboard, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isStaff } from '../auth/permissions';
import { useMe, useSession } from '../auth/session-context';
import { changeLanguage, currentLanguage, type Language } from '../i18n';
import { MailDigestToggle } from './mail-digest-toggle';

export function UserMenu({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { t } = useTranslation();
  const user = useMe();
  const { signOut } = useSession();

  return (
    <Group gap="sm" wrap="nowrap">
      <div data-testid="signed-in-user">
        <Text size="sm" fw={500} lh={1.2}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {user.email} · {t(`roles.${user.role}`)}
        </Text>
      </div>
      {isStaff(user) && <MailDigestToggle />}
      <SegmentedControl
        size="xs"
        aria-label={t('header.language')}
        value={currentLanguage()}
        onChange={(value) => changeLanguage(value as Language)}
        data={[
          { value: 'fr', label: 'FR' },
          { value: 'en', label: 'EN' },
        ]}
      />
      <Tooltip label={t('shortcuts.title')}>
        <ActionIcon variant="subtle" aria-label={t('shortcuts.title')} onClick={onShowShortcuts}>
          <IconKeyboard size={18} />
        </ActionIcon>
      </Tooltip>
      <Button variant="light" size="xs" leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
        {t('header.signOut')}
      </Button>
    </Group>
  );
}
