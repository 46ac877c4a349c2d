import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SlaClockView, TicketSla } from '../api/types';
import type { SlaClockName, SupportLevel } from '../lib/enums';
import { formatDuration } from '../lib/format-duration';
import { SlaBadge } from './sla-badge';

function ClockRow({
  name,
  clock,
  level,
  timeZone,
}: {
  name: SlaClockName;
  clock: SlaClockView | null;
  level?: SupportLevel;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const label = name === 'ola' ? t('sla.olaOf', { level: level ?? '?' }) : t(`sla.${name}`);
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid={`sla-${name}`}>
      <div>
        <Text size="sm">{label}</Text>
        {clock && (
          <Text size="xs" c="dimmed">
            {t('sla.budget', { time: formatDuration(t, clock.budgetMinutes, { days: false }) })}
          </Text>
        )}
      </div>
      {clock ? (
        <SlaBadge clock={clock} name={name} level={level} timeZone={timeZone} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('sla.none')}
        </Text>
      )}
    </Group>
  );
}

/** The ticket's clocks, each with its countdown, and the time zone they count in (DOMAIN §4). */
export function TicketSlaPanel({ sla }: { sla: TicketSla }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('sla.title')}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('sla.title')}</Title>
          <Group gap={4}>
            <IconWorld size={14} />
            <Text size="xs" c="dimmed">
              {sla.timeZone}
            </Text>
          </Group>
        </Group>
        <ClockRow name="tto" clock={sla.tto} timeZone={sla.timeZone} />
        <ClockRow name="ttr" clock={sla.ttr} timeZone={sla.timeZone} />
        {sla.ola && <ClockRow name="ola" clock={sla.ola} level={sla.ola.level} timeZone={sla.timeZone} />}
      </Stack>
    </Paper>
  );
}
