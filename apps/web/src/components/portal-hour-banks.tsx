import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contractsApi } from '../api/endpoints';
import type { Contract } from '../api/types';
import { useHourBank } from '../lib/use-hour-bank';
import { HourBankGauge } from './hour-bank-gauge';
import { QueryState } from './query-state';

/** Today's use of the prepaid hours of each of the client's contracts that has an hour bank. */
export function PortalHourBanks({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const contracts = useQuery({
    queryKey: ['contracts', clientId, 'portal'],
    queryFn: () => contractsApi.list(clientId, { limit: 100 }),
  });
  const withBank = (contracts.data?.items ?? []).filter((c) => c.hourBank !== null && c.status === 'active');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('portalReport.hourBanks')}>
      <Stack gap="sm">
        <Title order={3}>{t('portalReport.hourBanks')}</Title>
        <QueryState isLoading={contracts.isLoading} error={contracts.error} />
        {contracts.data && withBank.length === 0 && <Text c="dimmed">{t('portalReport.noHourBank')}</Text>}
        {withBank.map((contract) => (
          <ContractBank key={contract.id} contract={contract} />
        ))}
      </Stack>
    </Paper>
  );
}

function ContractBank({ contract }: { contract: Contract }) {
  const usage = useHourBank(contract.id);
  if (!usage.data) return <QueryState isLoading={usage.isLoading} error={usage.error} />;
  return <HourBankGauge usage={usage.data} contractReference={contract.reference} />;
}
