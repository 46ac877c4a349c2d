import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kbSuggestApi } from '../api/portal-endpoints';
import { KbArticleDrawer } from './kb-article-drawer';

const DEBOUNCE_MS = 400;
const MIN_TEXT = 4;

/**
 * Knowledge-base articles that may already answer the ticket being typed, looked up as the person types (after a
 * short pause); the server offers a client person only public articles of their company or provider-wide ones.
 */
export function PortalKbSuggestions({ clientId, text }: { clientId: string; text: string }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const [open, setOpen] = useState<string | null>(null);
  const suggestions = useQuery({
    queryKey: ['kb-suggestions-text', clientId, debounced],
    queryFn: () => kbSuggestApi.forText(clientId, debounced.slice(0, 2000)),
    enabled: debounced.length >= MIN_TEXT,
    placeholderData: keepPreviousData,
  });
  const items = debounced.length >= MIN_TEXT ? (suggestions.data?.items ?? []) : [];
  if (items.length === 0) return null;

  return (
    <Paper withBorder p="sm" bg="yellow.0" c="dark.7" component="section" aria-label={t('portalNew.suggestions')}>
      <Stack gap={6} data-testid="kb-suggestions" aria-live="polite">
        <Text fw={600} size="sm">
          <IconBulb size={16} style={{ verticalAlign: 'text-bottom' }} aria-hidden /> {t('portalNew.suggestions')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('portalNew.suggestionsHelp')}
        </Text>
        {items.map((article) => (
          <Anchor
            key={article.id}
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={() => setOpen(article.id)}
            aria-label={t('portalNew.readArticle', { title: article.title })}
          >
            {article.title}
          </Anchor>
        ))}
      </Stack>
      <KbArticleDrawer articleId={open} onClose={() => setOpen(null)} />
    </Paper>
  );
}
