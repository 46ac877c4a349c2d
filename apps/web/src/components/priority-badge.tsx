import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../lib/enums';

const COLORS: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'gray' };

/** P1…P4, coloured by seriousness, with the priority's name in the tooltip. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`priorities.${priority}`)}>
      <Badge
        color={COLORS[priority]}
        variant={priority === 'P1' ? 'filled' : 'light'}
        size="sm"
        data-priority={priority}
      >
        {priority}
      </Badge>
    </Tooltip>
  );
}
