import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import type { Intervention } from '../api/work-types';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { OPEN_STATUSES } from '../lib/enums';
import { useInterventions, useVisitsChanged } from '../lib/use-interventions';
import { useTicketContract } from '../lib/use-ticket-contract';
import { useOnsiteContract } from '../lib/use-visits-relevant';
import { QueryState } from './query-state';
import { VisitCancelModal } from './visit-cancel-modal';
import { VisitList } from './visit-list';
import { VisitPlanModal } from './visit-plan-modal';
import { VisitReportModal } from './visit-report-modal';

type Dialog = { kind: 'plan' } | { kind: 'report'; visit: Intervention } | { kind: 'cancel'; visit: Intervention };

/** The "Visits" tab: on-site visits of an onsite or hybrid contract, planned, cancelled, or closed with a signed report. */
export function VisitsTab({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const me = useMe();
  const visits = useInterventions(ticket.id);
  const contract = useTicketContract(ticket);
  const onsite = useOnsiteContract(ticket);
  const changed = useVisitsChanged(ticket.id, contract.data?.hourBank ? contract.data.id : null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canRun = isStaff(me) && ticket.mergedInto === null;
  const canPlan = canRun && onsite && OPEN_STATUSES.includes(ticket.status);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {onsite ? t('visits.hint') : t('visits.notOnsite')}
        </Text>
        {canPlan && (
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setDialog({ kind: 'plan' })}>
            {t('visits.planVisit')}
          </Button>
        )}
      </Group>
      <QueryState isLoading={visits.isLoading} error={visits.error} />
      {visits.data && (
        <VisitList
          visits={visits.data}
          canRun={canRun}
          onReport={(visit) => setDialog({ kind: 'report', visit })}
          onCancel={(visit) => setDialog({ kind: 'cancel', visit })}
        />
      )}
      {dialog?.kind === 'plan' && (
        <VisitPlanModal ticket={ticket} onClose={() => setDialog(null)} onPlanned={changed} />
      )}
      {dialog?.kind === 'report' && (
        <VisitReportModal
          visit={dialog.visit}
          signerName={ticket.requester.name ?? ticket.requesterName ?? ''}
          onClose={() => setDialog(null)}
          onClosed={changed}
        />
      )}
      {dialog?.kind === 'cancel' && (
        <VisitCancelModal visit={dialog.visit} onClose={() => setDialog(null)} onCancelled={changed} />
      )}
    </Stack>
  );
}
