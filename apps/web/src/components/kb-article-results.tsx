import { Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { KbArticleSummary } from '../api/work-types';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useClientNames } from '../lib/use-client-names';
import { KbArticleMeta } from './kb-article-meta';

/** Articles as cards (title, excerpt, who it is for); choosing one opens it. */
export function KbArticleResults({
  articles,
  label,
  onOpen,
}: {
  articles: KbArticleSummary[];
  label: string;
  onOpen: (article: KbArticleSummary) => void;
}) {
  const clientName = useClientNames(isStaff(useMe()));
  return (
    <Stack gap="xs" component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {articles.map((article) => (
        <Paper key={article.id} component="li" withBorder p="sm">
          <UnstyledButton onClick={() => onOpen(article)} style={{ display: 'block', width: '100%' }}>
            <Text fw={600} c="blue">
              {article.title}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={2}>
              {article.excerpt}
            </Text>
          </UnstyledButton>
          <KbArticleMeta article={article} clientName={clientName(article.clientId)} />
        </Paper>
      ))}
    </Stack>
  );
}
