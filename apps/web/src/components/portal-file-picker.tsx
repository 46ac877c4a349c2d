import { FileInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Upload limits of the server (`ATTACHMENT_LIMITS` of the contracts), checked early; the server has the last word. */
export const MAX_FILE_MB = 10;
export const MAX_FILES = 10;

/** Why these files cannot be sent, or null. */
export function filesProblem(t: TFunction, files: readonly File[]): string | null {
  if (files.length > MAX_FILES) return t('portalNew.tooManyFiles', { count: MAX_FILES });
  const big = files.find((file) => file.size > MAX_FILE_MB * 1024 * 1024);
  return big ? t('portalNew.fileTooBig', { name: big.name, size: MAX_FILE_MB }) : null;
}

/** Files to attach (screenshots, documents), chosen with the system's file dialog; the limits are told up front. */
export function PortalFilePicker({
  files,
  onChange,
  label,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <FileInput
      multiple
      clearable
      label={label ?? t('portalNew.files')}
      description={t('portalNew.filesHelp', { count: MAX_FILES, size: MAX_FILE_MB })}
      placeholder={t('portalNew.filesPlaceholder')}
      leftSection={<IconPaperclip size={16} />}
      value={files}
      onChange={(value) => onChange(value ?? [])}
      error={filesProblem(t, files)}
      data-testid="portal-files"
    />
  );
}
