import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { queued: 'blue', sent: 'teal', failed: 'red', held: 'gray' };

/** An outbound mail's status; the colour says whether anything is left to do. */
export function MailOutboxStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" tt="none" styles={{ label: { overflow: 'visible' } }}>
      {t(`mailOutbox.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}
