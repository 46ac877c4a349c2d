import { Group, Kbd, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Row {
  /** Keys pressed one after the other; `or` separates alternatives. */
  keys: string[];
  label: string;
}

export function ShortcutHelp({ opened, onClose, staff }: { opened: boolean; onClose: () => void; staff: boolean }) {
  const { t } = useTranslation();
  const everywhere: Row[] = [
    { keys: ['/'], label: t('shortcuts.search') },
    ...(staff
      ? [
          { keys: ['n'], label: t('shortcuts.logCall') },
          { keys: ['g', 't'], label: t('shortcuts.tickets') },
        ]
      : []),
    { keys: ['g', 'c'], label: t('shortcuts.clients') },
    { keys: ['g', 'a'], label: t('shortcuts.assets') },
    { keys: ['g', 'u'], label: t('shortcuts.audit') },
    { keys: ['?'], label: t('shortcuts.help') },
  ];
  const sections: { title: string; rows: Row[] }[] = [
    { title: t('shortcuts.everywhere'), rows: everywhere },
    {
      title: t('shortcuts.queue'),
      rows: [
        { keys: ['j', 'or', '↓'], label: t('shortcuts.next') },
        { keys: ['k', 'or', '↑'], label: t('shortcuts.previous') },
        { keys: ['Enter'], label: t('shortcuts.open') },
        { keys: ['1', '…', '7'], label: t('shortcuts.switchQueue') },
      ],
    },
    {
      title: t('shortcuts.board'),
      rows: [
        { keys: ['j', 'or', '↓'], label: t('shortcuts.nextAlert') },
        { keys: ['k', 'or', '↑'], label: t('shortcuts.previousAlert') },
        { keys: ['Enter'], label: t('shortcuts.openAlert') },
        { keys: ['a'], label: t('shortcuts.acknowledgeAlert') },
      ],
    },
    {
      title: t('shortcuts.ticket'),
      rows: [
        { keys: ['t'], label: t('shortcuts.take') },
        { keys: ['Ctrl', '+', 'Enter'], label: t('shortcuts.send') },
      ],
    },
  ].filter((section) => staff || section.rows === everywhere);
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')}>
      <Stack gap="md">
        {sections.map((section) => (
          <Stack gap="xs" key={section.title}>
            <Title order={5}>{section.title}</Title>
            {section.rows.map((row) => (
              <Group key={row.label} justify="space-between">
                <Text size="sm">{row.label}</Text>
                <Group gap={4}>
                  {row.keys.map((key) =>
                    key === 'or' || key === '+' || key === '…' ? (
                      <Text key={key} size="xs" c="dimmed">
                        {key === 'or' ? t('shortcuts.or') : key}
                      </Text>
                    ) : (
                      <Kbd key={key}>{key}</Kbd>
                    ),
                  )}
                </Group>
              </Group>
            ))}
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
