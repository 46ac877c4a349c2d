import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaClockView } from '../api/types';
import type { SlaClockName, SupportLevel } from '../lib/enums';
import { formatDuration } from '../lib/format-duration';
import { formatInZone } from '../lib/format-instant';
import { clockState, minutesLeft, type SlaState } from '../lib/sla';
import { useNow } from '../lib/use-now';

const COLORS: Record<SlaState, string> = {
  ok: 'green',
  warning: 'orange',
  breached: 'red',
  paused: 'gray',
  stopped: 'gray',
};

/**
 * One SLA clock as a live countdown ("2 h 15 min left", "overdue 35 min", "paused · 3 h left", "met"); the tooltip
 * gives the deadline in the SLA's own time zone and names the clock. `showName` prefixes the clock's short name.
 */
export function SlaBadge({
  clock,
  name,
  level,
  timeZone,
  showName = false,
}: {
  clock: SlaClockView;
  name: SlaClockName;
  level?: SupportLevel;
  timeZone: string;
  showName?: boolean;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const state = clockState(clock, now);
  const left = minutesLeft(clock, now);
  const clockName = name === 'ola' ? t('sla.olaOf', { level: level ?? '?' }) : t(`sla.${name}`);

  let text: string;
  if (state === 'stopped') text = clock.met === false ? t('sla.missed') : t('sla.met');
  else if (state === 'paused')
    text = left < 0 ? t('sla.pausedOverdue') : t('sla.pausedLeft', { time: formatDuration(t, left, { days: false }) });
  else
    text =
      left < 0
        ? t('sla.overdue', { time: formatDuration(t, -left) })
        : t('sla.left', { time: formatDuration(t, left) });

  const instant = clock.status === 'stopped' ? clock.stoppedAt : clock.deadline;
  const when = instant ? `${formatInZone(instant, timeZone)} (${timeZone})` : t('sla.noDeadline');
  const tooltip = `${clockName} — ${t(clock.status === 'stopped' ? 'sla.stoppedAt' : 'sla.deadline', { when })} — ${t(`sla.status.${clock.status}`)}`;
  const missed = state === 'stopped' && clock.met === false;

  return (
    <Tooltip label={tooltip} multiline maw={320} withArrow>
      <Badge
        color={missed ? 'red' : state === 'stopped' ? 'teal' : COLORS[state]}
        variant={state === 'stopped' ? 'outline' : state === 'paused' ? 'light' : 'filled'}
        size="sm"
        tt="none"
        data-sla-state={state}
        data-sla-clock={name}
      >
        {showName ? `${name === 'ola' ? `OLA N${level ?? '?'}` : t(`sla.short.${name}`)} · ${text}` : text}
      </Badge>
    </Tooltip>
  );
}
