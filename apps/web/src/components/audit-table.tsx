import { ActionIcon, Code, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api/types';
import { formatInstant } from '../lib/format-instant';
import { AuditDiff } from './audit-diff';

/** What a person recognises the object by: its name or code when the entry carries one, else a short id. */
function objectLabel(event: AuditEvent): string {
  const fields = { ...(event.before ?? {}), ...(event.after ?? {}) } as Record<string, unknown>;
  const name = fields.name ?? fields.code ?? fields.email ?? fields.lastName;
  if (typeof name === 'string' && name !== '') return name;
  return event.objectId ? `${event.objectId.slice(0, 8)}…` : '—';
}

export function AuditTable({
  events,
  clientNames,
  showClient = true,
}: {
  events: AuditEvent[];
  clientNames?: Map<string, string>;
  showClient?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (events.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('audit.empty')}
      </Text>
    );
  }
  const columns = showClient ? 7 : 6;
  return (
    <Table aria-label={t('audit.title')} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40} />
          <Table.Th>{t('audit.at')}</Table.Th>
          <Table.Th>{t('audit.actor')}</Table.Th>
          <Table.Th>{t('audit.action')}</Table.Th>
          <Table.Th>{t('audit.objectType')}</Table.Th>
          <Table.Th>{t('audit.objectId')}</Table.Th>
          {showClient && <Table.Th>{t('common.client')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => {
          const expanded = open.has(event.id);
          return (
            <Fragment key={event.id}>
              <Table.Tr style={{ cursor: 'pointer' }} onClick={() => toggle(event.id)}>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-expanded={expanded}
                    aria-label={expanded ? t('audit.hideChanges') : t('audit.showChanges')}
                    onClick={(e) => {
                      e.stopPropagation();
                      toggle(event.id);
                    }}
                  >
                    {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                  </ActionIcon>
                </Table.Td>
                <Table.Td>{formatInstant(event.at)}</Table.Td>
                <Table.Td>{event.actorName}</Table.Td>
                <Table.Td>
                  <Code>
                    {t(`auditActions.${event.action}` as 'auditActions.create', { defaultValue: event.action })}
                  </Code>
                </Table.Td>
                <Table.Td>
                  {t(`auditObjects.${event.objectType}` as 'auditObjects.client', { defaultValue: event.objectType })}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{objectLabel(event)}</Text>
                </Table.Td>
                {showClient && (
                  <Table.Td>{event.clientId ? (clientNames?.get(event.clientId) ?? event.clientId) : '—'}</Table.Td>
                )}
              </Table.Tr>
              {expanded && (
                <Table.Tr>
                  <Table.Td colSpan={columns} bg="gray.0">
                    <AuditDiff event={event} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
