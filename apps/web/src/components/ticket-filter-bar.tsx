import { Button, Group, MultiSelect, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, SUPPORT_LEVELS, TICKET_SORTS, TICKET_STATUSES } from '../lib/enums';
import { useClientOptions } from '../lib/use-lookups';
import type { TicketFilterState } from '../lib/use-ticket-filters';
import { useCategoryOptions, useStaffOptions, useTeamOptions } from '../lib/use-ticket-lookups';
import { SearchInput } from './search-input';

/** Status, priority, level, client, team, assignee, category, search and sort of the queue, all kept in the URL. */
export function TicketFilterBar({ filters: f }: { filters: TicketFilterState }) {
  const { t } = useTranslation();
  const clients = useClientOptions();
  const teams = useTeamOptions();
  const staff = useStaffOptions();
  const categories = useCategoryOptions(false);
  const { filters } = f;

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <SearchInput label={t('tickets.search')} value={filters.q} onChange={(q) => f.setSingle('q', q)} />
      <MultiSelect
        aria-label={t('tickets.filterStatus')}
        placeholder={filters.status.length ? undefined : t('common.status')}
        data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`ticketStatus.${s}`) }))}
        value={filters.status}
        onChange={(v) => f.setList('status', v)}
        clearable
        w={200}
      />
      <MultiSelect
        aria-label={t('tickets.filterPriority')}
        placeholder={filters.priority.length ? undefined : t('tickets.priority')}
        data={PRIORITIES.map((p) => ({ value: p, label: `${p} — ${t(`priorities.${p}`)}` }))}
        value={filters.priority}
        onChange={(v) => f.setList('priority', v)}
        clearable
        w={150}
      />
      <MultiSelect
        aria-label={t('tickets.filterLevel')}
        placeholder={filters.level.length ? undefined : t('tickets.level')}
        data={SUPPORT_LEVELS.map((l) => ({ value: String(l), label: `N${l}` }))}
        value={filters.level}
        onChange={(v) => f.setList('level', v)}
        clearable
        w={130}
      />
      <Select
        aria-label={t('tickets.filterClient')}
        placeholder={t('common.client')}
        data={clients.data ?? []}
        value={filters.clientId}
        onChange={(v) => f.setSingle('clientId', v)}
        searchable
        clearable
        w={190}
      />
      <Select
        aria-label={t('tickets.filterTeam')}
        placeholder={t('tickets.team')}
        data={teams}
        value={filters.teamId}
        onChange={(v) => f.setSingle('teamId', v)}
        searchable
        clearable
        w={170}
      />
      <Select
        aria-label={t('tickets.filterAssignee')}
        placeholder={t('tickets.assignee')}
        data={staff}
        value={filters.assigneeId}
        onChange={(v) => f.setSingle('assigneeId', v)}
        searchable
        clearable
        w={170}
      />
      <Select
        aria-label={t('tickets.filterCategory')}
        placeholder={t('tickets.category')}
        data={categories}
        value={filters.categoryId}
        onChange={(v) => f.setSingle('categoryId', v)}
        searchable
        clearable
        w={160}
      />
      <Select
        aria-label={t('tickets.sort')}
        data={TICKET_SORTS.map((s) => ({ value: s, label: t(`ticketSort.${s}`) }))}
        value={filters.sort}
        onChange={(v) => f.setSingle('sort', v === 'due' ? null : v)}
        allowDeselect={false}
        w={220}
      />
      {f.filtered && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={f.clear}>
          {t('tickets.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
