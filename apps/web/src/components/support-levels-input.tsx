import { Checkbox, Group, Input, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { levelsSummary } from '../lib/contract-form';
import { SUPPORT_LEVELS, type SupportLevel } from '../lib/enums';

/** N1/N2/N3 checkboxes with the derived entry level and the levels the client keeps. */
export function SupportLevelsInput({
  value,
  onChange,
  error,
}: {
  value: SupportLevel[];
  onChange: (value: SupportLevel[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const { entry, kept } = levelsSummary(value);
  return (
    <Input.Wrapper label={t('contracts.supportLevels')} error={error} required>
      <Checkbox.Group
        value={value.map(String)}
        onChange={(next) => onChange(next.map(Number).sort() as SupportLevel[])}
        aria-label={t('contracts.supportLevels')}
      >
        <Group mt={6}>
          {SUPPORT_LEVELS.map((level) => (
            <Checkbox key={level} value={String(level)} label={`N${level}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <Text size="xs" c="dimmed" mt={4} data-testid="levels-summary">
        {entry ? t('contracts.entryLevelIs', { level: `N${entry}` }) : t('contracts.noLevel')}
        {kept.length > 0 && ` · ${t('contracts.clientKeeps', { levels: kept.map((l) => `N${l}`).join(', ') })}`}
      </Text>
    </Input.Wrapper>
  );
}
