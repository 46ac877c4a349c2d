import { Button, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorityMatrixApi } from '../api/ticket-endpoints';
import type { PriorityMatrixView } from '../api/types';
import { PRIORITIES, type Priority, SEVERITIES, SEVERITY_KEYS } from '../lib/enums';
import { handleFormError } from '../lib/errors';
import type { FieldErrors } from '../lib/form';
import { usePriorityMatrix } from '../lib/use-priority-matrix';
import { QueryState } from './query-state';

type Matrix = PriorityMatrixView['matrix'];

function MatrixForm({ initial }: { initial: Matrix }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [matrix, setMatrix] = useState<Matrix>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () => priorityMatrixApi.put({ matrix }),
    onSuccess: (view) => {
      setErrors({});
      queryClient.setQueryData(['priority-matrix'], view);
      notifications.show({ color: 'teal', message: t('matrix.saved') });
    },
    onError: (error) => handleFormError(t, error, setErrors, ['matrix']),
  });
  const setCell = (i: number, u: number, value: Priority) => {
    setMatrix((current) => current.map((row, r) => (r === i ? row.map((cell, c) => (c === u ? value : cell)) : row)));
    setErrors({});
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Table withTableBorder withColumnBorders aria-label={t('matrix.title')} w="auto">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('matrix.corner')}</Table.Th>
            {SEVERITIES.map((u) => (
              <Table.Th key={u}>
                {t('matrix.urgency', { n: u })}
                <Text size="xs" c="dimmed" fw={400}>
                  {t(`severity.${SEVERITY_KEYS[u]}`)}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SEVERITIES.map((i) => (
            <Table.Tr key={i}>
              <Table.Th>
                {t('matrix.impact', { n: i })}
                <Text size="xs" c="dimmed" fw={400}>
                  {t(`severity.${SEVERITY_KEYS[i]}`)}
                </Text>
              </Table.Th>
              {SEVERITIES.map((u) => (
                <Table.Td key={u}>
                  <Select
                    aria-label={t('matrix.cell', { impact: i, urgency: u })}
                    data={PRIORITIES.map((p) => ({ value: p, label: p }))}
                    value={matrix[i - 1]?.[u - 1] ?? null}
                    onChange={(value) => value && setCell(i - 1, u - 1, value as Priority)}
                    error={errors[`matrix.${i - 1}.${u - 1}`] ? true : undefined}
                    allowDeselect={false}
                    w={90}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="sm" gap="xs">
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button variant="default" onClick={() => setMatrix(initial)}>
          {t('matrix.reset')}
        </Button>
      </Group>
    </form>
  );
}

/** The impact × urgency → priority matrix of the provider (rows impact 1–4, columns urgency 1–4). */
export function PriorityMatrixEditor() {
  const { t } = useTranslation();
  const view = usePriorityMatrix();
  return (
    <Paper withBorder p="md" component="section" aria-label={t('matrix.title')}>
      <Title order={3}>{t('matrix.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('matrix.hint')}
      </Text>
      {view.data ? (
        <MatrixForm key={JSON.stringify(view.data.matrix)} initial={view.data.matrix} />
      ) : (
        <QueryState isLoading={view.isLoading} error={view.error} />
      )}
    </Paper>
  );
}
