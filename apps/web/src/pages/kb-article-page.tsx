import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { kbApi } from '../api/knowledge-endpoints';
import { canDeleteArticles, isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { ConfirmDeleteButton } from '../components/confirm-button';
import { KbArticleFormModal } from '../components/kb-article-form-modal';
import { KbArticleMeta } from '../components/kb-article-meta';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { notifyError } from '../lib/errors';
import { useClientNames } from '../lib/use-client-names';

/** One article: its text as written, who it is for; staff edit it, managers delete it. */
export function KbArticlePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { articleId = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const staff = isStaff(me);
  const clientName = useClientNames(staff);
  const query = useQuery({ queryKey: ['kb-article', articleId], queryFn: () => kbApi.get(articleId), enabled: staff });

  if (!staff) return <NotFoundPage />;
  if (!query.data) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const article = query.data;

  const remove = async () => {
    try {
      await kbApi.remove(article.id);
      queryClient.removeQueries({ queryKey: ['kb-article', article.id] });
      void queryClient.invalidateQueries({ queryKey: ['kb-articles'] });
      void queryClient.invalidateQueries({ queryKey: ['kb-suggestions'] });
      void navigate('/kb');
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kb" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('kb.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {article.title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('kb.edit')}
          </Button>
          {canDeleteArticles(me) && (
            <ConfirmDeleteButton
              label={t('kb.delete', { title: article.title })}
              message={t('kb.confirmDelete')}
              onConfirm={remove}
            />
          )}
        </Group>
      </Group>
      <KbArticleMeta article={{ ...article, excerpt: '' }} clientName={clientName(article.clientId)} />
      <Paper withBorder p="md">
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="kb-article-body">
          {article.body}
        </Text>
      </Paper>
      {editing && (
        <KbArticleFormModal article={article} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
    </Stack>
  );
}
