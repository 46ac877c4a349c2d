import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../api/work-types';

/** Public articles are read by the client's people too; internal ones stay with the provider. */
export function KbVisibilityBadge({ visibility }: { visibility: KbArticle['visibility'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" size="sm" color={visibility === 'public' ? 'teal' : 'gray'}>
      {t(`kbVisibility.${visibility}`)}
    </Badge>
  );
}
