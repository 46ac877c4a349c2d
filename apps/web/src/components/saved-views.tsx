import { ActionIcon, Button, Group, Popover, Select, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBookmarkPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketViewsApi } from '../api/ticket-endpoints';
import { notifyError } from '../lib/errors';
import { ConfirmDeleteButton } from './confirm-button';

const sameQuery = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? '') === (b[key] ?? ''));
};

/** The user's saved queues: pick one to apply its filters, save the current filters under a name, delete one. */
export function SavedViews({
  query,
  onApply,
}: {
  query: Record<string, string>;
  onApply: (query: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saving, { close: closeSave, toggle: toggleSave }] = useDisclosure(false);
  const [name, setName] = useState('');
  const views = useQuery({ queryKey: ['ticket-views'], queryFn: ticketViewsApi.list, select: (page) => page.items });
  const current = (views.data ?? []).find((view) => sameQuery(view.query, query)) ?? null;

  const save = useMutation({
    mutationFn: () => ticketViewsApi.create({ name: name.trim(), query }),
    onSuccess: () => {
      setName('');
      closeSave();
      void queryClient.invalidateQueries({ queryKey: ['ticket-views'] });
    },
    onError: (error) => notifyError(t, error),
  });

  const remove = async (id: string) => {
    try {
      await ticketViewsApi.remove(id);
      await queryClient.invalidateQueries({ queryKey: ['ticket-views'] });
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <Group gap={4} wrap="nowrap">
      <Select
        aria-label={t('savedViews.label')}
        placeholder={t('savedViews.label')}
        data={(views.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
        value={current?.id ?? null}
        onChange={(id) => {
          const view = views.data?.find((v) => v.id === id);
          if (view) onApply(view.query);
        }}
        allowDeselect={false}
        nothingFoundMessage={t('savedViews.none')}
        w={180}
      />
      {current && (
        <ConfirmDeleteButton
          label={t('savedViews.deleteNamed', { name: current.name })}
          message={t('savedViews.confirmDelete', { name: current.name })}
          onConfirm={() => remove(current.id)}
        />
      )}
      <Popover opened={saving} onChange={(next) => !next && closeSave()} trapFocus position="bottom-end" withArrow>
        <Popover.Target>
          <Tooltip label={t('savedViews.save')}>
            <ActionIcon variant="default" size="lg" aria-label={t('savedViews.save')} onClick={toggleSave}>
              <IconBookmarkPlus size={18} />
            </ActionIcon>
          </Tooltip>
        </Popover.Target>
        <Popover.Dropdown>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim()) save.mutate();
            }}
          >
            <Group gap="xs" align="flex-end">
              <TextInput
                label={t('savedViews.name')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                maxLength={80}
                data-autofocus
              />
              <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
                {t('common.save')}
              </Button>
            </Group>
          </form>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
