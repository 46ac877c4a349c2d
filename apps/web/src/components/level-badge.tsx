import { Badge } from '@mantine/core';
import type { SupportLevel } from '../lib/enums';

const COLORS: Record<SupportLevel, string> = { 1: 'cyan', 2: 'grape', 3: 'pink' };

/** A support level as technicians say it: N1, N2, N3. */
export function LevelBadge({ level }: { level: SupportLevel }) {
  return (
    <Badge color={COLORS[level]} variant="outline" size="sm" data-level={level}>
      N{level}
    </Badge>
  );
}
