import { Anchor, Badge, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KbArticleSummary } from '../api/work-types';
import { formatInstant } from '../lib/format-instant';
import { KbVisibilityBadge } from './kb-visibility-badge';

/** Articles as a table: title (a link to the article), who it is for, visibility, tags, last change. */
export function KbArticleTable({
  articles,
  clientName,
}: {
  articles: KbArticleSummary[];
  clientName: (clientId: string | null) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label={t('kb.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('kb.titleField')}</Table.Th>
            <Table.Th>{t('kb.for')}</Table.Th>
            <Table.Th>{t('kb.visibility')}</Table.Th>
            <Table.Th>{t('kb.tags')}</Table.Th>
            <Table.Th>{t('kb.updatedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {articles.map((article) => (
            <Table.Tr key={article.id}>
              <Table.Td>
                <Anchor component={Link} to={`/kb/${article.id}`} fw={600}>
                  {article.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{article.clientId ? (clientName(article.clientId) ?? '—') : t('kb.providerWide')}</Table.Td>
              <Table.Td>
                <KbVisibilityBadge visibility={article.visibility} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {article.tags.map((tag) => (
                    <Badge key={tag} variant="dot" size="sm" color="gray">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(article.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
