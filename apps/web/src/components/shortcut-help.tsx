import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const rows: { keys: string[]; label: string }[] = [
    { keys: ['/'], label: t('shortcuts.search') },
    { keys: ['g', 'c'], label: t('shortcuts.clients') },
    { keys: ['g', 'a'], label: t('shortcuts.assets') },
    { keys: ['g', 'u'], label: t('shortcuts.audit') },
    { keys: ['?'], label: t('shortcuts.help') },
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')}>
      <Stack gap="xs">
        {rows.map((row) => (
          <Group key={row.label} justify="space-between">
            <Text size="sm">{row.label}</Text>
            <Group gap={4}>
              {row.keys.map((key) => (
                <Kbd key={key}>{key}</Kbd>
              ))}
            </Group>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
