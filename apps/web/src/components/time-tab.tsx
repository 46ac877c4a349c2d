import { Stack } from '@mantine/core';
import type { Ticket } from '../api/types';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { timeTotals } from '../lib/time-totals';
import { useHourBank } from '../lib/use-hour-bank';
import { useTicketContract } from '../lib/use-ticket-contract';
import { useTimeChanged, useTimeEntries } from '../lib/use-time-entries';
import { HourBankGauge } from './hour-bank-gauge';
import { LoadMore } from './load-more';
import { QueryState } from './query-state';
import { TimeEntryForm } from './time-entry-form';
import { TimeEntryList } from './time-entry-list';
import { TimeTotalsBar } from './time-totals-bar';

/** The "Time" tab of a ticket: the contract's hour bank, the totals, the entries, and a form to log time. */
export function TimeTab({ ticket }: { ticket: Ticket }) {
  const me = useMe();
  const contract = useTicketContract(ticket);
  const bankedContractId = contract.data?.hourBank ? contract.data.id : null;
  const hourBank = useHourBank(bankedContractId);
  const entries = useTimeEntries(ticket.id);
  const changed = useTimeChanged(ticket.id, bankedContractId);
  const canLog = isStaff(me) && ticket.mergedInto === null;

  return (
    <Stack gap="md">
      {hourBank.data && contract.data && (
        <HourBankGauge usage={hourBank.data} contractReference={contract.data.reference} />
      )}
      {canLog && <TimeEntryForm ticket={ticket} onLogged={changed} />}
      <QueryState isLoading={entries.isLoading} error={entries.error} />
      {entries.data && (
        <>
          <TimeTotalsBar totals={timeTotals(entries.items)} />
          <TimeEntryList entries={entries.items} onRemoved={changed} />
          <LoadMore
            hasMore={entries.hasNextPage}
            loading={entries.isFetchingNextPage}
            onLoad={() => void entries.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}
