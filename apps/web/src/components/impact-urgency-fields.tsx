import { Group, Input, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, SEVERITY_KEYS, type Severity } from '../lib/enums';
import { priorityOf, usePriorityMatrix } from '../lib/use-priority-matrix';
import { PriorityBadge } from './priority-badge';

/** Impact and urgency (1 = very high … 4 = low), with the priority the provider's matrix gives them. */
export function ImpactUrgencyFields({
  impact,
  urgency,
  onChange,
}: {
  impact: Severity;
  urgency: Severity;
  onChange: (value: { impact: Severity; urgency: Severity }) => void;
}) {
  const { t } = useTranslation();
  const matrix = usePriorityMatrix();
  const priority = priorityOf(matrix.data?.matrix, impact, urgency);
  const data = SEVERITIES.map((s) => ({ value: String(s), label: String(s) }));
  const hint = (s: Severity) => t(`severity.${SEVERITY_KEYS[s]}`);

  return (
    <Group align="flex-end" gap="lg">
      <Input.Wrapper label={t('tickets.impact')} description={hint(impact)}>
        <SegmentedControl
          aria-label={t('tickets.impact')}
          data={data}
          value={String(impact)}
          onChange={(v) => onChange({ impact: Number(v) as Severity, urgency })}
        />
      </Input.Wrapper>
      <Input.Wrapper label={t('tickets.urgency')} description={hint(urgency)}>
        <SegmentedControl
          aria-label={t('tickets.urgency')}
          data={data}
          value={String(urgency)}
          onChange={(v) => onChange({ impact, urgency: Number(v) as Severity })}
        />
      </Input.Wrapper>
      <Group gap={6} pb={6} aria-live="polite">
        <Text size="sm" c="dimmed">
          {t('tickets.resultingPriority')}
        </Text>
        {priority ? <PriorityBadge priority={priority} /> : <Text size="sm">—</Text>}
        {priority && <Text size="sm">{t(`priorities.${priority}`)}</Text>}
      </Group>
    </Group>
  );
}
