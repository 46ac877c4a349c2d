import { ActionIcon, Button, Group, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type MaintenanceView, maintenanceApi } from '../api/monitoring-setup-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { MaintenanceCalendar, monthGrid } from '../components/maintenance-calendar';
import { browserZone, MaintenanceFormModal } from '../components/maintenance-form-modal';
import { MaintenanceList } from '../components/maintenance-list';
import { QueryState } from '../components/query-state';
import { currentLanguage } from '../i18n';
import { notifyError } from '../lib/errors';
import { useClientOptions } from '../lib/use-lookups';

/** `YYYY-MM` of a date, in the browser's zone. */
function monthKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

function monthOf(key: string | null): Date {
  const match = key ? /^(\d{4})-(\d{2})$/.exec(key) : null;
  if (!match) {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), 1);
  }
  return new Date(Number(match[1]), Number(match[2]) - 1, 1);
}

/** /monitoring/maintenance: the month's maintenance windows on a calendar and as a list; staff plan them. */
export function MonitoringMaintenancePage() {
  const { t } = useTranslation();
  const me = useMe();
  const operable = isStaff(me);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const month = monthOf(params.get('month'));
  const clientId = params.get('clientId');
  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const shift = (months: number) =>
    setParam('month', monthKey(new Date(month.getFullYear(), month.getMonth() + months, 1)));
  const clients = useClientOptions(operable);
  const [editing, setEditing] = useState<{ window?: MaintenanceView; day?: Date } | null>(null);

  const grid = monthGrid(month);
  const from = grid[0] as Date;
  const to = new Date(grid[grid.length - 1] as Date);
  to.setDate(to.getDate() + 1);
  const list = useQuery({
    queryKey: ['monitoring-maintenance', clientId, from.toISOString(), to.toISOString()],
    queryFn: () => maintenanceApi.list({ clientId, from: from.toISOString(), to: to.toISOString() }),
  });
  const windows = list.data?.items ?? [];
  const remove = async (w: MaintenanceView) => {
    try {
      await maintenanceApi.remove(w.id);
      await queryClient.invalidateQueries({ queryKey: ['monitoring-maintenance'] });
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };
  const locale = currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB';

  return (
    <Stack gap="md">
      <div>
        <Group justify="space-between" mb={4}>
          <Title order={2}>{t('monitoringSetup.maintenance.title')}</Title>
          {operable && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})}>
              {t('monitoringSetup.maintenance.new')}
            </Button>
          )}
        </Group>
        <Text c="dimmed">{t('monitoringSetup.maintenance.intro')}</Text>
      </div>
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="center">
          <Tooltip label={t('monitoringSetup.maintenance.prev')}>
            <ActionIcon variant="default" aria-label={t('monitoringSetup.maintenance.prev')} onClick={() => shift(-1)}>
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <Title order={3} size="h4" miw={180} ta="center" data-testid="calendar-month" tt="capitalize">
            {month.toLocaleDateString(locale, { month: 'long', year: 'numeric' })}
          </Title>
          <Tooltip label={t('monitoringSetup.maintenance.next')}>
            <ActionIcon
              variant="default"
              aria-label={t('monitoringSetup.maintenance.nextMonth')}
              onClick={() => shift(1)}
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
          <Button variant="subtle" size="xs" onClick={() => setParam('month', null)}>
            {t('monitoringSetup.maintenance.today')}
          </Button>
        </Group>
        <Group align="flex-end">
          {operable && (
            <Select
              label={t('common.client')}
              searchable
              clearable
              data={clients.data ?? []}
              value={clientId}
              onChange={(v) => setParam('clientId', v)}
              w={220}
            />
          )}
          <Text size="xs" c="dimmed" mb={8}>
            {t('monitoringSetup.maintenance.shownIn', { zone: browserZone() })}
          </Text>
        </Group>
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      <MaintenanceCalendar
        month={month}
        windows={windows}
        onOpen={(w) => operable && setEditing({ window: w })}
        onNew={operable ? (day) => setEditing({ day }) : undefined}
      />
      <Title order={3} size="h4">
        {t('monitoringSetup.maintenance.list')}
      </Title>
      {list.data && windows.length === 0 ? (
        <Text c="dimmed" ta="center" py="md">
          {t('monitoringSetup.maintenance.empty')}
        </Text>
      ) : (
        <MaintenanceList
          windows={windows}
          operable={operable}
          onEdit={(w) => setEditing({ window: w })}
          onDelete={remove}
        />
      )}
      {editing && <MaintenanceFormModal window={editing.window} day={editing.day} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
