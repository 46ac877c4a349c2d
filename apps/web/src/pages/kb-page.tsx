import { Button, Group, Select, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { kbApi } from '../api/knowledge-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { KbArticleFormModal } from '../components/kb-article-form-modal';
import { KbArticleTable } from '../components/kb-article-table';
import { LoadMore } from '../components/load-more';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { SearchInput } from '../components/search-input';
import { useClientNames } from '../lib/use-client-names';
import { useClientOptions } from '../lib/use-lookups';
import { usePagedList } from '../lib/use-paged-list';

/** The knowledge base for staff: search, filter by client, write articles. */
export function KbPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const staff = isStaff(me);
  const [q, setQ] = useState('');
  const [clientId, setClientId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const clients = useClientOptions(staff);
  const clientName = useClientNames(staff);
  const list = usePagedList(['kb-articles', { q, clientId }], (cursor) => kbApi.list({ q, clientId, cursor }), staff);

  if (!staff) return <NotFoundPage />;
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('kb.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('kb.new')}
        </Button>
      </Group>
      <Group mb="md">
        <SearchInput label={t('kb.search')} value={q} onChange={setQ} />
        <Select
          aria-label={t('kb.filterClient')}
          placeholder={t('kb.filterClient')}
          data={clients.data ?? []}
          value={clientId}
          onChange={setClientId}
          searchable
          clearable
          w={260}
        />
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && list.items.length > 0 && <KbArticleTable articles={list.items} clientName={clientName} />}
      {list.data && list.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {q || clientId ? t('kb.noResult') : t('kb.empty')}
        </Text>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {creating && (
        <KbArticleFormModal
          onClose={() => setCreating(false)}
          onSaved={(article) => {
            setCreating(false);
            void navigate(`/kb/${article.id}`);
          }}
        />
      )}
    </>
  );
}
