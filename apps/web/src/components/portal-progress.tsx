import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SlaClockView, Ticket } from '../api/types';
import { formatInZone } from '../lib/format-instant';
import { waitingForClient } from './portal-status';

/**
 * Where the ticket stands, in one sentence for a non-technical reader, and the provider's commitment in plain words
 * ("we take charge before Tue 3 Mar 10:30, Europe/Paris time"), in the zone of the client's contract.
 */
export function PortalProgress({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const waiting = waitingForClient(ticket);
  const state =
    ticket.status === 'pending' && ticket.pendingReason === 'requester'
      ? t('portalTicket.states.pendingRequester')
      : t(`portalTicket.states.${ticket.status}`);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('portalTicket.status')}>
      <Stack gap={6}>
        {waiting ? (
          <Alert color="orange" variant="light" p="xs" data-testid="portal-state">
            {state}
          </Alert>
        ) : (
          <Text data-testid="portal-state">{state}</Text>
        )}
        {ticket.status !== 'closed' && ticket.status !== 'resolved' && <Commitment ticket={ticket} />}
      </Stack>
    </Paper>
  );
}

function Commitment({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { sla } = ticket;
  const zone = sla.timeZone;
  if (ticket.heldInHouse) return <Hint text={t('portalTicket.inHouseSla')} />;
  if (!sla.tto && !sla.ttr) return <Hint text={t('portalTicket.noSla')} />;
  const lines: { text: string; late: boolean }[] = [];
  const line = (clock: SlaClockView | null, key: 'takeChargeBy' | 'resolveBy') => {
    if (clock?.status === 'running' && clock.deadline) {
      lines.push({
        text: t(`portalTicket.${key}`, { when: formatInZone(clock.deadline, zone), zone }),
        late: clock.breached,
      });
    }
  };
  line(sla.tto, 'takeChargeBy');
  if (ticket.assignee && sla.tto?.status === 'stopped') {
    lines.push({ text: t('portalTicket.takenCharge', { name: ticket.assignee.name }), late: false });
  }
  line(sla.ttr, 'resolveBy');
  if (sla.ttr?.status === 'paused') lines.push({ text: t('portalTicket.paused'), late: false });
  return (
    <Stack gap={2} data-testid="portal-commitment">
      {lines.map((l) => (
        <Group key={l.text} gap={6} wrap="nowrap">
          <IconClockHour4 size={16} aria-hidden />
          <Text size="sm">{l.text}</Text>
          {l.late && (
            <Badge color="red" size="xs">
              {t('portalTicket.late')}
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function Hint({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid="portal-commitment">
      {text}
    </Text>
  );
}
