import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kbApi } from '../api/knowledge-endpoints';
import type { Ticket } from '../api/types';
import { KbArticleDrawer } from './kb-article-drawer';
import { KbArticleResults } from './kb-article-results';
import { QueryState } from './query-state';
import { SearchInput } from './search-input';

/** The "Knowledge" tab: articles that may help with this ticket, and a search over the knowledge base. */
export function KnowledgeTab({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const suggestions = useQuery({
    queryKey: ['kb-suggestions', ticket.id, ticket.title, ticket.description],
    queryFn: () => kbApi.suggestionsFor(ticket.id),
    select: (answer) => answer.items,
  });
  const search = useQuery({
    // the whole base the caller reads (a `clientId` filter would leave out the provider-wide articles)
    queryKey: ['kb-articles', { q, limit: 10 }],
    queryFn: () => kbApi.list({ q, limit: 10 }),
    enabled: q.trim() !== '',
    select: (page) => page.items,
  });

  return (
    <Stack gap="md">
      <section aria-labelledby="kb-suggested">
        <Title order={4} id="kb-suggested" mb="xs">
          {t('kb.suggested')}
        </Title>
        <QueryState isLoading={suggestions.isLoading} error={suggestions.error} />
        {suggestions.data?.length === 0 && <Text c="dimmed">{t('kb.noSuggestion')}</Text>}
        {suggestions.data && suggestions.data.length > 0 && (
          <KbArticleResults
            articles={suggestions.data}
            label={t('kb.suggested')}
            onOpen={(article) => setOpenId(article.id)}
          />
        )}
      </section>
      <section aria-labelledby="kb-search">
        <Title order={4} id="kb-search" mb="xs">
          {t('kb.searchTitle')}
        </Title>
        <SearchInput label={t('kb.search')} value={q} onChange={setQ} />
        {search.isFetching && !search.data && <QueryState isLoading error={null} />}
        {search.data?.length === 0 && (
          <Text c="dimmed" mt="xs">
            {t('kb.noResult')}
          </Text>
        )}
        {search.data && search.data.length > 0 && (
          <Stack mt="xs">
            <KbArticleResults
              articles={search.data}
              label={t('kb.results')}
              onOpen={(article) => setOpenId(article.id)}
            />
          </Stack>
        )}
      </section>
      <KbArticleDrawer articleId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
