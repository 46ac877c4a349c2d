import { Badge, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../api/types';
import { formatMinutes } from '../lib/contract-form';
import { PRIORITIES, WEEKDAY_KEYS, WEEKDAYS } from '../lib/enums';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function ContractDetail({ contract, onClose }: { contract: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const c = contract;
  const levels = (list: readonly number[]) => (list.length ? list.map((l) => `N${l}`).join(', ') : '—');
  return (
    <Modal opened onClose={onClose} title={`${c.reference} — ${c.name}`} size="xl">
      <Stack>
        <SimpleGrid cols={3}>
          <Field label={t('contracts.kind')}>{t(`contractKind.${c.kind}`)}</Field>
          <Field label={t('contracts.delivery')}>{t(`deliveryMode.${c.delivery}`)}</Field>
          <Field label={t('common.status')}>{t(`contractStatus.${c.status}`)}</Field>
          <Field label={t('contracts.supportLevels')}>{levels(c.supportLevels)}</Field>
          <Field label={t('contracts.entryLevel')}>{c.entryLevel ? `N${c.entryLevel}` : '—'}</Field>
          <Field label={t('contracts.levelsKept')}>{levels(c.levelsKeptByClient)}</Field>
          <Field label={t('contracts.startsOn')}>{c.startsOn}</Field>
          <Field label={t('contracts.endsOn')}>{c.endsOn ?? '—'}</Field>
          <Field label={t('contracts.renewalNoticeOn')}>{c.renewalNoticeOn ?? '—'}</Field>
          <Field label={t('contracts.autoRenew')}>{c.autoRenew ? t('common.yes') : t('common.no')}</Field>
          <Field label={t('contracts.renewalNoticeDays')}>{c.renewalNoticeDays}</Field>
          <Field label={t('contracts.hourBank.title')}>
            {c.hourBank
              ? `${c.hourBank.hours} h · ${t(`hourBankPeriod.${c.hourBank.period}`)} · ${t(`hourBankRollover.${c.hourBank.rollover}`)}`
              : '—'}
          </Field>
        </SimpleGrid>
        <Group gap={4}>
          {c.scopeDomains.map((d) => (
            <Badge key={d} variant="light">
              {t(`scopeDomain.${d}`)}
            </Badge>
          ))}
        </Group>
        <Title order={5}>{t('contracts.sla.title')}</Title>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.sla.priority')}</Table.Th>
              <Table.Th>{t('contracts.sla.tto')}</Table.Th>
              <Table.Th>{t('contracts.sla.ttr')}</Table.Th>
              <Table.Th>{t('contracts.sla.aroundTheClock')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PRIORITIES.map((p) => (
              <Table.Tr key={p}>
                <Table.Td>{p}</Table.Td>
                <Table.Td>{formatMinutes(c.slaPolicy.targets[p].ttoMinutes)}</Table.Td>
                <Table.Td>{formatMinutes(c.slaPolicy.targets[p].ttrMinutes)}</Table.Td>
                <Table.Td>{c.slaPolicy.targets[p].aroundTheClock ? '24/7' : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={5}>{t('contracts.calendar.title')}</Title>
        <Text size="sm">
          {c.calendar.timeZone} · {t('contracts.calendar.holidayRegion')}: {c.calendar.holidayRegion ?? '—'}
        </Text>
        {c.calendar.alwaysOpen ? (
          <Text size="sm">{t('contracts.calendar.alwaysOpen')}</Text>
        ) : (
          <Stack gap={2}>
            {WEEKDAYS.map((day) => {
              const intervals = c.calendar.weekly.filter((i) => i.day === day);
              return (
                <Text size="sm" key={day}>
                  <b>{t(`weekdays.${WEEKDAY_KEYS[day]}`)}</b>:{' '}
                  {intervals.length
                    ? intervals.map((i) => `${i.start}–${i.end}`).join(', ')
                    : t('contracts.calendar.closed')}
                </Text>
              );
            })}
          </Stack>
        )}
        {c.calendar.closedDays.length > 0 && (
          <Text size="sm">
            {t('contracts.calendar.closedDays')}: {c.calendar.closedDays.join(', ')}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
