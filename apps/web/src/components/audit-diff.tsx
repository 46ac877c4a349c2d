import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api/types';

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Keys whose value differs between before and after (all keys of a creation or deletion). */
export function changedKeys(before: AuditEvent['before'], after: AuditEvent['after']): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])).sort();
}

export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const keys = changedKeys(event.before, event.after);
  if (keys.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChange')}
      </Text>
    );
  }
  return (
    <Table withTableBorder aria-label={t('audit.diff')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((key) => (
          <Table.Tr key={key}>
            <Table.Td>
              <Code>{key}</Code>
            </Table.Td>
            <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>
              {show(event.before?.[key])}
            </Table.Td>
            <Table.Td c="green.8" style={{ wordBreak: 'break-word' }}>
              {show(event.after?.[key])}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
