import { Group, NumberInput, Text } from '@mantine/core';
import { splitMinutes } from '../lib/contract-form';

/** Minutes edited as hours + minutes; `label` names both inputs for screen readers. */
export function DurationInput({
  label,
  value,
  onChange,
  error,
  hoursLabel,
  minutesLabel,
}: {
  label: string;
  value: number;
  onChange: (minutes: number) => void;
  error?: string;
  hoursLabel: string;
  minutesLabel: string;
}) {
  const { hours, minutes } = splitMinutes(value);
  const toNumber = (v: string | number) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 0);
  return (
    <div>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          aria-label={`${label} (${hoursLabel})`}
          value={hours}
          min={0}
          max={8760}
          w={80}
          size="xs"
          allowDecimal={false}
          onChange={(v) => onChange(toNumber(v) * 60 + minutes)}
          error={Boolean(error)}
        />
        <Text size="xs">{hoursLabel}</Text>
        <NumberInput
          aria-label={`${label} (${minutesLabel})`}
          value={minutes}
          min={0}
          max={59}
          w={70}
          size="xs"
          allowDecimal={false}
          onChange={(v) => onChange(hours * 60 + Math.min(59, toNumber(v)))}
          error={Boolean(error)}
        />
        <Text size="xs">{minutesLabel}</Text>
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </div>
  );
}
