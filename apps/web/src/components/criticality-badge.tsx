import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Criticality } from '../lib/enums';
import { asCriticality, CRITICALITY_KEYS } from '../lib/enums';

const COLORS: Record<Criticality, string> = { 1: 'gray', 2: 'blue', 3: 'orange', 4: 'red' };

export function CriticalityBadge({ value: raw }: { value: number }) {
  const { t } = useTranslation();
  const value = asCriticality(raw);
  return (
    <Badge color={COLORS[value]} variant="light" size="sm">
      {t(`criticality.${CRITICALITY_KEYS[value]}`)}
    </Badge>
  );
}
