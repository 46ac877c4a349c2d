import { Anchor, Badge, Button, Divider, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { assetsApi } from '../api/endpoints';
import { canWrite } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { AssetFormModal } from '../components/asset-form-modal';
import { AssetMonitoringTab } from '../components/asset-monitoring-tab';
import { AssetStatusBadge } from '../components/asset-table';
import { ConfirmDeleteButton } from '../components/confirm-button';
import { CriticalityBadge } from '../components/criticality-badge';
import { Field } from '../components/field';
import { ImpactSection } from '../components/impact-section';
import { QueryState } from '../components/query-state';
import { RelationsSection } from '../components/relations-section';
import { notifyError } from '../lib/errors';
import { formatInstant } from '../lib/format-instant';
import { useAttributeLabel } from '../lib/use-lookups';

export function AssetPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labelOf = useAttributeLabel();
  const { assetId = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'monitoring' ? 'monitoring' : 'details';
  const query = useQuery({ queryKey: ['asset', assetId], queryFn: () => assetsApi.get(assetId) });

  if (!query.data) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const asset = query.data;
  const editable = canWrite(me, 'asset');
  const attributes = Object.entries(asset.attributes);

  const remove = async () => {
    try {
      await assetsApi.remove(asset.id);
      await queryClient.invalidateQueries({ queryKey: ['assets'] });
      void navigate('/assets');
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>{asset.name}</Title>
            <Badge variant="outline">{t(`assetTypes.${asset.type}`)}</Badge>
            <CriticalityBadge value={asset.criticality} />
            <AssetStatusBadge status={asset.status} />
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            <Anchor component={Link} to={`/clients/${asset.clientId}/assets`}>
              {asset.clientName}
            </Anchor>
            {asset.siteName && ` · ${asset.siteName}`} · {t(`assetCategory.${asset.category}`)}
          </Text>
        </div>
        {editable && (
          <Group gap="xs">
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('assets.edit')}
            </Button>
            <ConfirmDeleteButton
              label={t('assets.deleteNamed', { name: asset.name })}
              message={t('assets.confirmDelete', { name: asset.name })}
              onConfirm={remove}
            />
          </Group>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'monitoring' ? { tab: 'monitoring' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="details">{t('monitoringSetup.tab.details')}</Tabs.Tab>
          <Tabs.Tab value="monitoring">{t('monitoringSetup.tab.label')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <Stack gap="lg">
            <Paper withBorder p="md">
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Field label={t('assets.vendorContractRef')}>{asset.vendorContractRef ?? '—'}</Field>
                <Field label={t('common.updatedAt')}>{formatInstant(asset.updatedAt)}</Field>
                {attributes.map(([key, value]) => (
                  <Field key={key} label={labelOf(key)}>
                    {typeof value === 'boolean' ? (value ? t('common.yes') : t('common.no')) : String(value)}
                  </Field>
                ))}
              </SimpleGrid>
              {asset.notes && (
                <>
                  <Divider my="sm" />
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {asset.notes}
                  </Text>
                </>
              )}
            </Paper>
            <RelationsSection asset={asset} editable={editable} />
            <ImpactSection assetId={asset.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="monitoring">
          <AssetMonitoringTab asset={asset} />
        </Tabs.Panel>
      </Tabs>
      {editing && <AssetFormModal asset={asset} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </Stack>
  );
}
