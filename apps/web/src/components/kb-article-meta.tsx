import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KbArticleSummary } from '../api/work-types';
import { formatInstant } from '../lib/format-instant';
import { KbVisibilityBadge } from './kb-visibility-badge';

/** Who an article is for (a client or all of them), who wrote it and when, its tags and the ticket it came from. */
export function KbArticleMeta({ article, clientName }: { article: KbArticleSummary; clientName?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <KbVisibilityBadge visibility={article.visibility} />
      <Badge variant="outline" size="sm" color={article.clientId ? 'blue' : 'violet'}>
        {article.clientId ? (clientName ?? t('kb.oneClient')) : t('kb.providerWide')}
      </Badge>
      {article.tags.map((tag) => (
        <Badge key={tag} variant="dot" size="sm" color="gray">
          {tag}
        </Badge>
      ))}
      <Text size="xs" c="dimmed">
        {t('kb.byOn', { author: article.author.name, when: formatInstant(article.updatedAt) })}
      </Text>
      {article.sourceTicket && (
        <Anchor component={Link} to={`/tickets/${article.sourceTicket.id}`} size="xs">
          {t('kb.fromTicket', { reference: article.sourceTicket.reference })}
        </Anchor>
      )}
    </Group>
  );
}
