import { Anchor, Drawer, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { kbApi } from '../api/knowledge-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useClientNames } from '../lib/use-client-names';
import { KbArticleMeta } from './kb-article-meta';
import { QueryState } from './query-state';

/** One article read beside the ticket, without leaving it; staff may open its own page to edit it. */
export function KbArticleDrawer({ articleId, onClose }: { articleId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const clientName = useClientNames(isStaff(me));
  const article = useQuery({
    queryKey: ['kb-article', articleId],
    queryFn: () => kbApi.get(articleId ?? ''),
    enabled: articleId !== null,
  });
  const data = articleId !== null ? article.data : undefined;

  return (
    <Drawer
      opened={articleId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Text fw={700} size="lg">
          {data?.title ?? t('kb.article')}
        </Text>
      }
    >
      {!data && <QueryState isLoading={article.isLoading} error={article.error} />}
      {data && (
        <Stack gap="md">
          <KbArticleMeta article={{ ...data, excerpt: '' }} clientName={clientName(data.clientId)} />
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="kb-article-body">
            {data.body}
          </Text>
          {isStaff(me) && (
            <Anchor component={Link} to={`/kb/${data.id}`} size="sm">
              {t('kb.openPage')}
            </Anchor>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
