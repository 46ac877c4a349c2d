import { Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPhone } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callerLookupApi } from '../api/ticket-endpoints';
import type { CallerMatch } from '../api/types';

const keyOf = (match: CallerMatch) => `${match.clientId}:${match.contact?.id ?? ''}`;
const labelOf = (match: CallerMatch) =>
  match.contact ? `${match.contact.name} — ${match.clientCode}` : `${match.clientName} — ${match.clientCode}`;

/**
 * "Who is calling?": type a name, a phone number, an e-mail or a client code; the matches (contacts and clients)
 * come from the server as you type, and picking one hands back the client and the contact.
 */
export function CallerSelect({ onPick, autoFocus }: { onPick: (match: CallerMatch) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<CallerMatch | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const showingPick = picked !== null && search === labelOf(picked);
  const lookup = useQuery({
    queryKey: ['caller-lookup', debounced],
    queryFn: () => callerLookupApi.search(debounced),
    enabled: debounced.length >= 2 && !showingPick,
    placeholderData: (previous) => previous,
  });
  const found = debounced.length >= 2 && !showingPick ? (lookup.data?.items ?? []) : [];
  // the picked match stays among the options, so the field keeps showing it while the search text is its label
  const matches = picked && !found.some((m) => keyOf(m) === keyOf(picked)) ? [picked, ...found] : found;
  const byKey = new Map(matches.map((match) => [keyOf(match), match]));

  return (
    <Select
      label={t('phoneLog.caller')}
      description={t('phoneLog.callerHint')}
      placeholder={t('phoneLog.callerPlaceholder')}
      leftSection={<IconPhone size={16} />}
      searchable
      autoFocus={autoFocus}
      data-autofocus={autoFocus || undefined}
      searchValue={search}
      onSearchChange={setSearch}
      value={picked ? keyOf(picked) : null}
      data={matches.map((match) => ({ value: keyOf(match), label: labelOf(match) }))}
      filter={({ options }) => options}
      nothingFoundMessage={
        debounced.length < 2 ? t('phoneLog.typeMore') : lookup.isFetching ? t('common.loading') : t('phoneLog.noMatch')
      }
      onChange={(key) => {
        const match = key ? byKey.get(key) : undefined;
        setPicked(match ?? null);
        if (match) onPick(match);
      }}
      renderOption={({ option }) => {
        const match = byKey.get(option.value);
        if (!match) return option.label;
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {[match.clientName, match.contact?.phone, match.contact?.email].filter(Boolean).join(' · ')}
              </Text>
              <Text size="xs" c={match.openTickets > 0 ? 'orange' : 'dimmed'}>
                {t('phoneLog.openTickets', { count: match.openTickets })}
              </Text>
            </Group>
          </Stack>
        );
      }}
    />
  );
}
