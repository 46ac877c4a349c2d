import { Anchor, Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assetsApi } from '../api/endpoints';
import type { Asset, AssetRelation } from '../api/types';
import { notifyError } from '../lib/errors';
import { ConfirmDeleteButton } from './confirm-button';
import { CriticalityBadge } from './criticality-badge';
import { QueryState } from './query-state';
import { RelationFormModal } from './relation-form-modal';

function relationItems(data: { items: AssetRelation[] } | AssetRelation[]): AssetRelation[] {
  return Array.isArray(data) ? data : data.items;
}

export function RelationsSection({ asset, editable }: { asset: Asset; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const relations = useQuery({
    queryKey: ['asset', asset.id, 'relations'],
    queryFn: () => assetsApi.relations(asset.id),
    select: relationItems,
  });

  const remove = async (relation: AssetRelation) => {
    try {
      await assetsApi.removeRelation(relation.id);
      await queryClient.invalidateQueries({ queryKey: ['asset'] });
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <section aria-labelledby="relations-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} id="relations-title">
          {t('relations.title')}
        </Title>
        {editable && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            {t('relations.add')}
          </Button>
        )}
      </Group>
      {!relations.data && <QueryState isLoading={relations.isLoading} error={relations.error} />}
      {relations.data && relations.data.length === 0 && <Text c="dimmed">{t('relations.empty')}</Text>}
      {relations.data && relations.data.length > 0 && (
        <Table striped aria-label={t('relations.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('relations.direction')}</Table.Th>
              <Table.Th>{t('relations.kind')}</Table.Th>
              <Table.Th>{t('relations.otherAsset')}</Table.Th>
              <Table.Th>{t('relations.reading')}</Table.Th>
              {editable && <Table.Th w={50} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {relations.data.map((relation) => {
              const outgoing = relation.source.id === asset.id;
              const other = outgoing ? relation.target : relation.source;
              const kind = t(`relationKind.${relation.kind}`);
              return (
                <Table.Tr key={relation.id}>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={outgoing ? 'indigo' : 'teal'}
                      leftSection={outgoing ? <IconArrowRight size={12} /> : <IconArrowLeft size={12} />}
                    >
                      {outgoing ? t('relations.outgoingShort') : t('relations.incomingShort')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{kind}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Anchor component={Link} to={`/assets/${other.id}`}>
                        {other.name}
                      </Anchor>
                      <CriticalityBadge value={other.criticality} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {relation.source.name} {kind} {relation.target.name}
                    </Text>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <ConfirmDeleteButton
                        label={t('relations.removeNamed', {
                          source: relation.source.name,
                          kind,
                          target: relation.target.name,
                        })}
                        message={t('relations.confirmRemove', {
                          source: relation.source.name,
                          kind,
                          target: relation.target.name,
                        })}
                        confirmLabel={t('relations.remove')}
                        onConfirm={() => remove(relation)}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {adding && <RelationFormModal asset={asset} onClose={() => setAdding(false)} />}
    </section>
  );
}
