import { Alert, Button, Group, Kbd, Modal, Stack } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';

/**
 * The dialog of one ticket action (assign, escalate, resolve…): a form that Ctrl+Enter submits, the server's
 * refusal shown inside the dialog (role "alert") so the technician fixes it without losing what they typed.
 */
export function ActionModal({
  title,
  submitLabel,
  submitColor,
  saving,
  error,
  onSubmit,
  onClose,
  children,
  size = 'lg',
}: {
  title: string;
  submitLabel: string;
  submitColor?: string;
  saving: boolean;
  error?: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  size?: string;
}) {
  const { t } = useTranslation();
  const submit = () => {
    if (!saving) onSubmit();
  };
  const message =
    error instanceof ApiError || error instanceof Error ? error.message : error ? t('errors.generic') : null;
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
      >
        <Stack gap="sm">
          {children}
          {message && (
            <Alert color="red" role="alert" title={t('errors.refused')}>
              {message}
            </Alert>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={submitColor}
              loading={saving}
              rightSection={
                <Kbd size="xs" aria-hidden>
                  Ctrl+Enter
                </Kbd>
              }
            >
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
