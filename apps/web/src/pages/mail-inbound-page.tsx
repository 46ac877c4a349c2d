import { Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InboundMailStatus, mailInboundApi } from '../api/mail-inbound-endpoints';
import { canSeeMailInbound } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { LoadMore } from '../components/load-more';
import { MailInboundDrawer } from '../components/mail-inbound-drawer';
import { MailInboundTable } from '../components/mail-inbound-table';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { usePagedList } from '../lib/use-paged-list';

const TABS: InboundMailStatus[] = ['triage', 'quarantined', 'ignored', 'processed'];

/** /mail/inbound: mail that came in, by what became of it; triage and quarantine wait on a person. */
export function MailInboundPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = canSeeMailInbound(me);
  const [status, setStatus] = useState<InboundMailStatus>('triage');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePagedList(['mail-inbound', status], (cursor) => mailInboundApi.list(status, cursor), allowed, 15_000);
  if (!allowed) return <NotFoundPage />;
  return (
    <>
      <Title order={2} mb={4}>
        {t('mailInbound.title')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('mailInbound.intro')}
      </Text>
      <Tabs value={status} onChange={(v) => v && setStatus(v as InboundMailStatus)} mb="md">
        <Tabs.List>
          {TABS.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`mailInbound.tabs.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`mailInbound.tabHints.${status}`)}
      </Text>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && <MailInboundTable mails={list.items} onOpen={setOpenId} />}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      <MailInboundDrawer mailId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
