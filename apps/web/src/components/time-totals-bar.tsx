import { Group, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../lib/format-duration';
import type { TimeTotals } from '../lib/time-totals';
import { Field } from './field';

/** Total time on the ticket, and how much of it is billable or covered by the contract. */
export function TimeTotalsBar({ totals }: { totals: TimeTotals }) {
  const { t } = useTranslation();
  const show = (minutes: number) => formatDuration(t, minutes, { days: false });
  return (
    <Paper withBorder p="sm" data-testid="time-totals">
      <Group gap="xl">
        <Field label={t('time.total')}>
          <span data-testid="time-total">{show(totals.total)}</span>
        </Field>
        <Field label={t('time.billableTotal')}>
          <span data-testid="time-billable">{show(totals.billable)}</span>
        </Field>
        <Field label={t('time.coveredTotal')}>
          <span data-testid="time-covered">{show(totals.covered)}</span>
        </Field>
      </Group>
    </Paper>
  );
}
