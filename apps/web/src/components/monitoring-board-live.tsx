import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StreamState } from '../lib/use-board-stream';

const COLORS: Record<StreamState, string> = { live: 'teal', connecting: 'gray', reconnecting: 'orange' };

/** Whether the board receives events right now: "Live", or "Reconnecting…" while the stream is down. */
export function MonitoringBoardLive({ state }: { state: StreamState }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('monitoringBoard.liveHint')}>
      <Badge color={COLORS[state]} variant="dot" size="lg" role="status" data-testid="board-stream" data-state={state}>
        {t(`monitoringBoard.${state}`)}
      </Badge>
    </Tooltip>
  );
}
