import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contactsApi } from '../api/endpoints';

/** For the client's manager and IT: the colleague the ticket is for, among the company's contacts (empty: myself). */
export function PortalRequesterSelect({
  clientId,
  value,
  onChange,
}: {
  clientId: string;
  value: string | null;
  onChange: (contactId: string | null) => void;
}) {
  const { t } = useTranslation();
  const contacts = useQuery({
    queryKey: ['contacts', clientId, 'portal'],
    queryFn: () => contactsApi.list(clientId, { limit: 200 }),
  });
  const data = (contacts.data?.items ?? []).map((c) => ({
    value: c.id,
    label: [`${c.firstName} ${c.lastName}`.trim(), c.email].filter(Boolean).join(' · '),
  }));
  return (
    <Select
      label={t('portalNew.requester')}
      description={t('portalNew.requesterHelp')}
      placeholder={t('portalNew.myself')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('portal.empty')}
    />
  );
}
