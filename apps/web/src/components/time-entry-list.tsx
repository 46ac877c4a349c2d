import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { timeEntriesApi } from '../api/work-endpoints';
import type { TimeEntry } from '../api/work-types';
import { canReadStaff, isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { notifyError } from '../lib/errors';
import { formatDay } from '../lib/format-day';
import { formatDuration } from '../lib/format-duration';
import { ConfirmDeleteButton } from './confirm-button';

/** Its author removes an entry, or a manager (mirrors the server's work policy). */
function canRemove(me: Me, entry: TimeEntry): boolean {
  return isStaff(me) && (entry.user.id === me.id || canReadStaff(me));
}

/** The time logged on a ticket, one row per entry; its author or a manager may remove one. */
export function TimeEntryList({ entries, onRemoved }: { entries: TimeEntry[]; onRemoved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  if (entries.length === 0) return <Text c="dimmed">{t('time.empty')}</Text>;

  const remove = async (entry: TimeEntry) => {
    try {
      await timeEntriesApi.remove(entry.id);
      onRemoved();
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('time.entries')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('time.workDate')}</Table.Th>
            <Table.Th>{t('time.who')}</Table.Th>
            <Table.Th>{t('time.duration')}</Table.Th>
            <Table.Th>{t('time.kind')}</Table.Th>
            <Table.Th>{t('time.note')}</Table.Th>
            <Table.Th w={50} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(entry.workDate)}</Table.Td>
              <Table.Td>{entry.user.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDuration(t, entry.minutes, { days: false })}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={entry.billable ? 'orange' : 'gray'}>
                  {entry.billable ? t('time.billableBadge') : t('time.coveredBadge')}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.note ?? ''}</Table.Td>
              <Table.Td>
                {canRemove(me, entry) && (
                  <ConfirmDeleteButton
                    label={t('time.remove', {
                      duration: formatDuration(t, entry.minutes),
                      date: formatDay(entry.workDate),
                    })}
                    message={t('time.confirmRemove')}
                    onConfirm={() => remove(entry)}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
