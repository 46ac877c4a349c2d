import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assetsApi } from '../api/endpoints';
import type { AssetImpact } from '../api/types';
import { CriticalityBadge } from './criticality-badge';
import { QueryState } from './query-state';

type Impacted = AssetImpact['impacted'][number];

/** Depth-first order of the impact tree: each asset right under the one it goes through. */
function treeOrder(rootId: string, impacted: Impacted[]): Impacted[] {
  const children = new Map<string, Impacted[]>();
  for (const item of impacted) {
    const list = children.get(item.throughId) ?? [];
    list.push(item);
    children.set(item.throughId, list);
  }
  const out: Impacted[] = [];
  const seen = new Set<string>();
  const walk = (id: string) => {
    for (const child of children.get(id) ?? []) {
      if (seen.has(child.asset.id)) continue;
      seen.add(child.asset.id);
      out.push(child);
      walk(child.asset.id);
    }
  };
  walk(rootId);
  // anything whose parent was not reached (should not happen) still shows, at the end
  for (const item of impacted) if (!seen.has(item.asset.id)) out.push(item);
  return out;
}

export function ImpactSection({ assetId }: { assetId: string }) {
  const { t } = useTranslation();
  const impact = useQuery({ queryKey: ['asset', assetId, 'impact'], queryFn: () => assetsApi.impact(assetId) });

  return (
    <section aria-labelledby="impact-title" data-testid="impact-section">
      <Title order={3} id="impact-title" mb="xs">
        {t('impact.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('impact.hint')}
      </Text>
      {!impact.data && <QueryState isLoading={impact.isLoading} error={impact.error} />}
      {impact.data && impact.data.impacted.length === 0 && <Text>{t('impact.none')}</Text>}
      {impact.data && impact.data.impacted.length > 0 && (
        <ImpactTree root={impact.data.asset} impacted={impact.data.impacted} />
      )}
    </section>
  );
}

function ImpactTree({ root, impacted }: { root: AssetImpact['asset']; impacted: Impacted[] }) {
  const { t } = useTranslation();
  const names = new Map<string, string>([
    [root.id, root.name],
    ...impacted.map((i) => [i.asset.id, i.asset.name] as const),
  ]);
  const depths = [...new Set(impacted.map((i) => i.depth))].sort((a, b) => a - b);

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {depths.map((depth) => (
          <Badge key={depth} variant="light" color={depth === 1 ? 'red' : 'orange'}>
            {depth === 1
              ? t('impact.direct', { count: impacted.filter((i) => i.depth === 1).length })
              : t('impact.atDepth', { depth, count: impacted.filter((i) => i.depth === depth).length })}
          </Badge>
        ))}
      </Group>
      <Paper withBorder p="sm">
        <ul aria-label={t('impact.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {treeOrder(root.id, impacted).map((item) => (
            <li key={item.asset.id} style={{ paddingLeft: (item.depth - 1) * 24, paddingBlock: 4 }}>
              <Group gap="xs" wrap="nowrap">
                {item.depth > 1 && <IconArrowBackUp size={14} style={{ transform: 'scaleY(-1)' }} />}
                <Badge size="xs" variant="outline" title={t('impact.depth')}>
                  {item.depth}
                </Badge>
                <Anchor component={Link} to={`/assets/${item.asset.id}`} fw={500}>
                  {item.asset.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`assetTypes.${item.asset.type}`)}
                </Text>
                <CriticalityBadge value={item.asset.criticality} />
                <Text size="sm">
                  {t('impact.through', {
                    kind: t(`relationKind.${item.via}`),
                    name: names.get(item.throughId) ?? item.throughId,
                  })}
                </Text>
              </Group>
            </li>
          ))}
        </ul>
      </Paper>
    </Stack>
  );
}
