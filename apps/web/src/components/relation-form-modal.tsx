import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetsApi } from '../api/endpoints';
import type { Asset } from '../api/types';
import { RELATION_KINDS, type RelationKindValue } from '../lib/enums';
import { handleFormError } from '../lib/errors';
import { useFormState } from '../lib/form';

type Direction = 'outgoing' | 'incoming';

export function RelationFormModal({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const { values, set, errors, setErrors } = useFormState({
    kind: 'runs_on' as RelationKindValue,
    direction: 'outgoing' as Direction,
    otherId: null as string | null,
    otherName: '',
  });

  const [chosenLabel, setChosenLabel] = useState('');
  // once an asset is chosen, the box shows its label: do not search for that label
  const q = debounced === chosenLabel ? '' : debounced;
  const candidates = useQuery({
    queryKey: ['assets', 'picker', asset.clientId, q],
    queryFn: () => assetsApi.list({ clientId: asset.clientId, q, limit: 30 }),
    select: (page) =>
      page.items
        .filter((a) => a.id !== asset.id)
        .map((a) => ({ value: a.id, label: `${a.name} (${t(`assetTypes.${a.type}`)})` })),
  });
  const options = candidates.data ?? [];
  // keep the chosen asset among the options while the search text changes
  const data =
    values.otherId && !options.some((o) => o.value === values.otherId)
      ? [{ value: values.otherId, label: values.otherName }, ...options]
      : options;

  const save = useMutation({
    mutationFn: () => {
      if (!values.otherId) throw new Error(t('relations.pickAsset'));
      const [sourceId, targetId] =
        values.direction === 'outgoing' ? [asset.id, values.otherId] : [values.otherId, asset.id];
      return assetsApi.addRelation({ sourceId, kind: values.kind, targetId });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['asset'] });
      onClose();
    },
    onError: (error) => handleFormError(t, error, setErrors, ['kind', 'sourceId', 'targetId']),
  });

  const kindLabel = t(`relationKind.${values.kind}`);
  const other = values.otherName || t('relations.otherAsset');
  const otherError = errors.targetId ?? errors.sourceId;

  return (
    <Modal opened onClose={onClose} title={t('relations.add')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Select
            label={t('relations.kind')}
            allowDeselect={false}
            data={RELATION_KINDS.map((k) => ({ value: k, label: t(`relationKind.${k}`) }))}
            value={values.kind}
            error={errors.kind}
            onChange={(v) => v && set('kind', v as RelationKindValue)}
          />
          <Radio.Group
            label={t('relations.direction')}
            value={values.direction}
            onChange={(v) => set('direction', v as Direction)}
          >
            <Stack gap={6} mt={6}>
              <Radio value="outgoing" label={t('relations.outgoing')} />
              <Radio value="incoming" label={t('relations.incoming')} />
            </Stack>
          </Radio.Group>
          <Select
            label={t('relations.otherAsset')}
            required
            searchable
            clearable
            filter={({ options: all }) => all}
            nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('relations.noCandidate')}
            data={data}
            value={values.otherId}
            error={otherError}
            searchValue={search}
            onSearchChange={setSearch}
            onChange={(v, option) => {
              set('otherId', v);
              setChosenLabel(option?.label ?? '');
              set('otherName', option ? option.label.replace(/ \(.*\)$/, '') : '');
            }}
          />
          <Text size="sm" c="dimmed" data-testid="relation-preview">
            {values.direction === 'outgoing'
              ? `${asset.name} ${kindLabel} ${other}`
              : `${other} ${kindLabel} ${asset.name}`}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('relations.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
