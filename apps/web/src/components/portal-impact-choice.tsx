import { Group, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../lib/enums';

const ORDER: Severity[] = [4, 3, 2, 1];
const WHO = { 4: 'me', 3: 'team', 2: 'site', 1: 'company' } as const;
const URGENCY = { 4: 'wait', 3: 'slow', 2: 'blocked', 1: 'stopped' } as const;

/**
 * Impact and urgency in plain words ("only me … the whole company", "it can wait … work has stopped"): the person
 * describes the situation, the provider's matrix turns it into a priority.
 */
export function PortalImpactChoice({
  impact,
  urgency,
  onChange,
}: {
  impact: Severity;
  urgency: Severity;
  onChange: (value: { impact: Severity; urgency: Severity }) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="xl" wrap="wrap">
      <Radio.Group
        label={t('portalNew.who')}
        value={String(impact)}
        onChange={(value) => onChange({ impact: Number(value) as Severity, urgency })}
      >
        <Stack gap={6} mt={6}>
          {ORDER.map((level) => (
            <Radio key={level} value={String(level)} label={t(`portalNew.whoOptions.${WHO[level]}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group
        label={t('portalNew.urgency')}
        value={String(urgency)}
        onChange={(value) => onChange({ impact, urgency: Number(value) as Severity })}
      >
        <Stack gap={6} mt={6}>
          {ORDER.map((level) => (
            <Radio key={level} value={String(level)} label={t(`portalNew.urgencyOptions.${URGENCY[level]}`)} />
          ))}
        </Stack>
      </Radio.Group>
    </Group>
  );
}
