import { Group, Select, Text, Title } from '@mantine/core';
import { OUTBOUND_MAIL_KINDS, OUTBOUND_MAIL_STATUSES } from '@vigie/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mailOutboxApi } from '../api/mail-outbox-endpoints';
import { canSeeMailOutbox } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { LoadMore } from '../components/load-more';
import { MailOutboxDrawer } from '../components/mail-outbox-drawer';
import { MailOutboxTable } from '../components/mail-outbox-table';
import { NotFoundPage } from '../components/not-found-page';
import { QueryState } from '../components/query-state';
import { usePagedList } from '../lib/use-paged-list';

/** /mail/outbox: every mail Vigie sends, filtered by status and kind, each opened with its delivery log. */
export function MailOutboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = canSeeMailOutbox(me);
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = { status, kind };
  const list = usePagedList(
    ['mail-outbox', query],
    (cursor) => mailOutboxApi.list({ ...query, cursor }),
    allowed,
    15_000,
  );

  if (!allowed) return <NotFoundPage />;
  return (
    <>
      <Title order={2} mb={4}>
        {t('mailOutbox.title')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('mailOutbox.intro')}
      </Text>
      <Group mb="md" align="flex-end">
        <Select
          label={t('mailOutbox.status')}
          clearable
          data={OUTBOUND_MAIL_STATUSES.map((s) => ({ value: s, label: t(`mailOutbox.statuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          w={220}
        />
        <Select
          label={t('mailOutbox.kind')}
          clearable
          searchable
          data={OUTBOUND_MAIL_KINDS.map((k) => ({ value: k, label: t(`mailOutbox.kinds.${k}`) }))}
          value={kind}
          onChange={setKind}
          w={240}
        />
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error} />
      {list.data && <MailOutboxTable mails={list.items} onOpen={setOpenId} />}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      <MailOutboxDrawer mailId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
