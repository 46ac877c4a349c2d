import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Intervention } from '../api/work-types';

const COLORS: Record<Intervention['status'], string> = { planned: 'blue', done: 'teal', cancelled: 'gray' };

export function VisitStatusBadge({ status }: { status: Intervention['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} data-visit-status={status}>
      {t(`visitStatus.${status}`)}
    </Badge>
  );
}
