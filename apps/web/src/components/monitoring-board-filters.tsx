import { Button, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AlertQuery } from '../api/monitoring-board-endpoints';
import { useClientOptions } from '../lib/use-lookups';
import { ALERT_SEVERITIES } from './alert-severity-badge';
import { SearchInput } from './search-input';

const FILTER_KEYS = ['clientId', 'severity', 'acknowledged', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
export type BoardTab = 'open' | 'resolved';

/** The board's tab and filters, kept in the URL (`?tab=resolved&severity=critical…`) so a view can be shared. */
export function useBoardFilters() {
  const [params, setParams] = useSearchParams();
  const tab: BoardTab = params.get('tab') === 'resolved' ? 'resolved' : 'open';
  const acknowledged = params.get('acknowledged');
  const query = useMemo<AlertQuery>(
    () => ({
      status: tab,
      clientId: params.get('clientId'),
      severity: params.get('severity'),
      acknowledged: acknowledged === 'yes' || acknowledged === 'no' ? acknowledged : null,
      q: params.get('q'),
    }),
    [params, tab, acknowledged],
  );
  const update = useCallback(
    (changes: Partial<Record<FilterKey | 'tab', string | null>>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const filtered = FILTER_KEYS.some((key) => params.get(key));
  const clear = useCallback(() => update({ clientId: null, severity: null, acknowledged: null, q: null }), [update]);
  return { tab, query, filtered, update, clear };
}

export type BoardFilterState = ReturnType<typeof useBoardFilters>;

/** Text, client (staff only), severity and acknowledgement filters of the board. */
export function MonitoringBoardFilters({ filters, showClient }: { filters: BoardFilterState; showClient: boolean }) {
  const { t } = useTranslation();
  const clients = useClientOptions(showClient);
  const { query, update } = filters;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <SearchInput label={t('monitoringBoard.filters.search')} value={query.q ?? ''} onChange={(q) => update({ q })} />
      {showClient && (
        <Select
          aria-label={t('monitoringBoard.filters.client')}
          placeholder={t('monitoringBoard.filters.client')}
          data={clients.data ?? []}
          value={query.clientId ?? null}
          onChange={(clientId) => update({ clientId })}
          searchable
          clearable
          w={220}
        />
      )}
      <Select
        aria-label={t('monitoringBoard.filters.severity')}
        placeholder={t('monitoringBoard.filters.severity')}
        data={ALERT_SEVERITIES.map((s) => ({ value: s, label: t(`monitoringBoard.severity.${s}`) }))}
        value={query.severity ?? null}
        onChange={(severity) => update({ severity })}
        clearable
        w={170}
      />
      <Select
        aria-label={t('monitoringBoard.filters.acknowledged')}
        placeholder={t('monitoringBoard.filters.acknowledged')}
        data={[
          { value: 'no', label: t('monitoringBoard.filters.acknowledgedNo') },
          { value: 'yes', label: t('monitoringBoard.filters.acknowledgedYes') },
        ]}
        value={query.acknowledged ?? null}
        onChange={(acknowledged) => update({ acknowledged })}
        clearable
        w={190}
      />
      {filters.filtered && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={filters.clear}>
          {t('monitoringBoard.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
