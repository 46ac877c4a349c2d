import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Asset } from '../api/types';
import { CriticalityBadge } from './criticality-badge';

const STATUS_COLORS = { planned: 'grape', in_service: 'green', maintenance: 'orange', retired: 'gray' } as const;

export function AssetStatusBadge({ status }: { status: Asset['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot" size="sm">
      {t(`assetStatus.${status}`)}
    </Badge>
  );
}

export function AssetTable({ assets, showClient = true }: { assets: Asset[]; showClient?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (assets.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('assets.empty')}
      </Text>
    );
  }
  return (
    <Table highlightOnHover striped aria-label={t('assets.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('common.name')}</Table.Th>
          <Table.Th>{t('assets.type')}</Table.Th>
          {showClient && <Table.Th>{t('common.client')}</Table.Th>}
          <Table.Th>{t('common.site')}</Table.Th>
          <Table.Th>{t('assets.criticality')}</Table.Th>
          <Table.Th>{t('common.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {assets.map((asset) => (
          <Table.Tr key={asset.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/assets/${asset.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={`/assets/${asset.id}`} onClick={(e) => e.stopPropagation()}>
                {asset.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`assetTypes.${asset.type}`)}</Table.Td>
            {showClient && <Table.Td>{asset.clientName}</Table.Td>}
            <Table.Td>{asset.siteName ?? '—'}</Table.Td>
            <Table.Td>
              <CriticalityBadge value={asset.criticality} />
            </Table.Td>
            <Table.Td>
              <AssetStatusBadge status={asset.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
