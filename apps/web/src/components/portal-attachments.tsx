import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { attachmentsApi } from '../api/portal-endpoints';
import { formatInstant } from '../lib/format-instant';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files of a ticket the person may see (the server leaves out those of internal notes), each a download link. */
export function PortalAttachments({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const files = useQuery({ queryKey: ['attachments', ticketId], queryFn: () => attachmentsApi.list(ticketId) });
  const items = files.data?.items ?? [];
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('portalTicket.attachments')}>
      <Stack gap={6}>
        <Title order={4}>{t('portalTicket.attachments')}</Title>
        {files.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('portalTicket.noAttachment')}
          </Text>
        )}
        {files.error && (
          <Text size="sm" c="red">
            {files.error.message}
          </Text>
        )}
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="portal-attachments">
          {items.map((file) => (
            <li key={file.id}>
              <Group gap={6} wrap="nowrap">
                <IconDownload size={14} aria-hidden />
                <Anchor
                  href={file.url}
                  download={file.fileName}
                  size="sm"
                  aria-label={t('portalTicket.download', { name: file.fileName })}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {file.fileName}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {size(file.sizeBytes)} · {formatInstant(file.createdAt)}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
