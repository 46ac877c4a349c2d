import { ActionIcon, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A trash icon that asks before deleting; `label` names the action for screen readers, e.g. "Delete site Lyon". */
export function ConfirmDeleteButton({
  label,
  message,
  onConfirm,
  confirmLabel,
}: {
  label: string;
  message: string;
  onConfirm: () => Promise<unknown>;
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      close();
    } catch {
      // the caller notified the error; keep the dialog open
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Tooltip label={label}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={label}
          onClick={(event) => {
            event.stopPropagation();
            open();
          }}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={label} centered>
        <Text mb="md">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {confirmLabel ?? t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
