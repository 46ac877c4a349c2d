import { NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssetTypeInfo } from '../api/types';
import type { FieldErrors } from '../lib/form';
import { useAttributeLabel } from '../lib/use-lookups';

export type AttributeDraft = Record<string, string | number | boolean>;

/** Inputs for the typed attributes of one asset type; errors are those under `attributes.`. */
export function AttributeFields({
  definitions,
  value,
  onChange,
  errors,
}: {
  definitions: AssetTypeInfo['attributes'];
  value: AttributeDraft;
  onChange: (value: AttributeDraft) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const labelOf = useAttributeLabel();
  if (definitions.length === 0) return null;
  const setKey = (key: string, v: string | number | boolean) => onChange({ ...value, [key]: v });

  return (
    <div>
      <Text fw={500} size="sm" mb={4}>
        {t('assets.attributes')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {definitions.map(({ key, kind }) => {
          const label = labelOf(key);
          const current = value[key];
          const error = errors[key];
          switch (kind) {
            case 'integer':
            case 'number':
              return (
                <NumberInput
                  key={key}
                  label={label}
                  allowDecimal={kind === 'number'}
                  value={typeof current === 'number' ? current : typeof current === 'string' ? current : ''}
                  error={error}
                  onChange={(v) => setKey(key, v)}
                />
              );
            case 'boolean':
              return (
                <Select
                  key={key}
                  label={label}
                  clearable
                  data={[
                    { value: 'true', label: t('common.yes') },
                    { value: 'false', label: t('common.no') },
                  ]}
                  value={typeof current === 'boolean' ? String(current) : null}
                  error={error}
                  onChange={(v) => setKey(key, v === null ? '' : v === 'true')}
                />
              );
            case 'date':
              return (
                <TextInput
                  key={key}
                  type="date"
                  label={label}
                  value={typeof current === 'string' ? current : ''}
                  error={error}
                  onChange={(e) => setKey(key, e.currentTarget.value)}
                />
              );
            default:
              return (
                <TextInput
                  key={key}
                  label={label}
                  placeholder={kind === 'ip' ? '192.0.2.10' : undefined}
                  value={current === undefined ? '' : String(current)}
                  error={error}
                  onChange={(e) => setKey(key, e.currentTarget.value)}
                />
              );
          }
        })}
      </SimpleGrid>
    </div>
  );
}

/** Attribute values to send: empty ones dropped, numbers typed as numbers. */
export function attributesInput(
  definitions: AssetTypeInfo['attributes'],
  draft: AttributeDraft,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, kind } of definitions) {
    const v = draft[key];
    if (v === undefined || v === '') continue;
    if ((kind === 'integer' || kind === 'number') && typeof v === 'string') {
      const n = Number(v.replace(',', '.'));
      out[key] = Number.isFinite(n) ? n : v;
    } else {
      out[key] = typeof v === 'string' ? v.trim() : v;
    }
  }
  return out;
}
