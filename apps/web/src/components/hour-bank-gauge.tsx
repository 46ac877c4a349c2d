import { Box, Group, Paper, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HourBankUsage } from '../api/work-types';
import { formatDay } from '../lib/format-day';
import { formatDuration } from '../lib/format-duration';

/** Colour of the gauge: red once exhausted, orange from the warning threshold, teal below it. */
export function hourBankColor(usage: Pick<HourBankUsage, 'warning' | 'exhausted'>): string {
  if (usage.exhausted) return 'red';
  if (usage.warning) return 'orange';
  return 'teal';
}

/** How much of the contract's prepaid hours the current period has used, with the warning threshold marked. */
export function HourBankGauge({ usage, contractReference }: { usage: HourBankUsage; contractReference: string }) {
  const { t } = useTranslation();
  const hours = (minutes: number) => formatDuration(t, minutes, { days: false });
  const percent = usage.availableMinutes > 0 ? (usage.usedMinutes / usage.availableMinutes) * 100 : 100;
  const color = hourBankColor(usage);
  const label = t('hourBank.label', { contract: contractReference });
  const period = t('hourBank.period', {
    start: formatDay(usage.periodStart),
    end: usage.periodEnd ? formatDay(usage.periodEnd) : '…',
  });

  return (
    <Paper withBorder p="sm" component="section" aria-label={label} data-testid="hour-bank">
      <Group justify="space-between" mb={6} wrap="wrap" gap="xs">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {period}
        </Text>
      </Group>
      <Box pos="relative">
        <Progress.Root size="lg">
          <Progress.Section
            value={Math.min(100, Math.round(percent))}
            color={color}
            aria-label={label}
            data-state={usage.exhausted ? 'exhausted' : usage.warning ? 'warning' : 'ok'}
          />
        </Progress.Root>
        {/* the warning threshold, marked on the bar */}
        <Box
          aria-hidden
          pos="absolute"
          top={-3}
          bottom={-3}
          w={2}
          bg="orange.6"
          style={{ left: `${Math.min(100, usage.warningPercent)}%` }}
        />
      </Box>
      <Group justify="space-between" mt={6} wrap="wrap" gap="xs">
        <Text size="sm" data-testid="hour-bank-used">
          {t('hourBank.used', { used: hours(usage.usedMinutes), available: hours(usage.availableMinutes) })}
        </Text>
        <Text size="sm" c={usage.remainingMinutes < 0 ? 'red' : undefined}>
          {usage.remainingMinutes < 0
            ? t('hourBank.over', { time: hours(-usage.remainingMinutes) })
            : t('hourBank.remaining', { time: hours(usage.remainingMinutes) })}
        </Text>
      </Group>
      <Text size="xs" c={usage.warning || usage.exhausted ? color : 'dimmed'} mt={4}>
        {usage.exhausted
          ? t('hourBank.exhausted')
          : usage.warning
            ? t('hourBank.warning', { percent: usage.warningPercent })
            : t('hourBank.threshold', { percent: usage.warningPercent })}
        {usage.carriedOverMinutes > 0 && ` · ${t('hourBank.carriedOver', { time: hours(usage.carriedOverMinutes) })}`}
      </Text>
    </Paper>
  );
}
