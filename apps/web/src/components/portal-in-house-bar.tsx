import { Button, Group, Paper, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowUpRight, IconCircleCheck, IconHandGrab } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { useMe } from '../auth/session-context';
import { useTicketAction } from '../lib/use-ticket-action';
import { ActionModal } from './action-modal';

/** Shortest diagnosis the server takes with an escalation (mirrors `MIN_DIAGNOSIS_LENGTH` of the domain). */
const MIN_DIAGNOSIS = 20;

type Dialog = 'resolve' | 'escalate';

/**
 * The client's in-house IT works a ticket it holds: take it, mark it solved, or escalate it to the provider's first
 * level (which starts the provider's clocks). Replies go through the reply box like everyone's.
 */
export function PortalInHouseBar({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const take = useTicketAction(ticket.id, () => ticketsApi.take(ticket.id), {
    onSuccess: () => notifications.show({ color: 'teal', message: t('portalInHouse.taken') }),
  });
  const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
  if (!open) return null;
  const mine = ticket.assignee?.id === me.id && ticket.status === 'in_progress';

  return (
    <Paper withBorder p="sm" radius="md" bg="cyan.0" c="dark.7">
      <Group gap="sm" wrap="wrap" role="toolbar" aria-label={t('portalInHouse.bar')}>
        <Text size="sm" fw={600} mr="auto">
          {t('portalInHouse.bar')}
        </Text>
        {!mine && (
          <Button
            size="xs"
            leftSection={<IconHandGrab size={14} />}
            loading={take.isPending}
            onClick={() => take.mutate()}
          >
            {t('portalInHouse.take')}
          </Button>
        )}
        <Button
          size="xs"
          color="teal"
          leftSection={<IconCircleCheck size={14} />}
          disabled={!mine}
          onClick={() => setDialog('resolve')}
        >
          {t('portalInHouse.resolve')}
        </Button>
        <Button
          size="xs"
          color="grape"
          leftSection={<IconArrowUpRight size={14} />}
          onClick={() => setDialog('escalate')}
        >
          {t('portalInHouse.escalate')}
        </Button>
      </Group>
      {dialog === 'resolve' && <ResolveDialog ticket={ticket} onClose={() => setDialog(null)} />}
      {dialog === 'escalate' && <EscalateDialog ticket={ticket} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

function ResolveDialog({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const resolve = useTicketAction(
    ticket.id,
    () => ticketsApi.resolve(ticket.id, { kind: 'solution', text, publishArticle: 'no' }),
    {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('portalInHouse.resolved') });
        onClose();
      },
      onError: () => undefined,
    },
  );
  return (
    <ActionModal
      title={t('portalInHouse.resolveTitle', { reference: ticket.reference })}
      submitLabel={t('portalInHouse.resolve')}
      submitColor="teal"
      saving={resolve.isPending}
      error={resolve.error}
      onSubmit={() => text.trim() !== '' && resolve.mutate()}
      onClose={onClose}
      size="md"
    >
      <Textarea
        label={t('portalInHouse.solution')}
        required
        autosize
        minRows={3}
        maxLength={20_000}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-autofocus
      />
    </ActionModal>
  );
}

function EscalateDialog({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const [diagnosis, setDiagnosis] = useState('');
  const level = ticket.entryLevel;
  const escalate = useTicketAction(
    ticket.id,
    () => ticketsApi.escalate(ticket.id, { kind: 'functional', toLevel: level, diagnosis }),
    {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('portalInHouse.escalated') });
        onClose();
      },
      onError: () => undefined,
    },
  );
  const [tried, setTried] = useState(false);
  const length = diagnosis.trim().length;
  const short = length < MIN_DIAGNOSIS;
  return (
    <ActionModal
      title={t('portalInHouse.escalateTitle', { reference: ticket.reference, level })}
      submitLabel={t('portalInHouse.escalate')}
      submitColor="grape"
      saving={escalate.isPending}
      error={escalate.error}
      onSubmit={() => {
        setTried(true);
        if (!short) escalate.mutate();
      }}
      onClose={onClose}
      size="lg"
    >
      <Text size="sm">{t('portalInHouse.escalateText', { min: MIN_DIAGNOSIS })}</Text>
      <Textarea
        label={t('portalInHouse.diagnosis')}
        required
        autosize
        minRows={4}
        maxLength={20_000}
        value={diagnosis}
        onChange={(e) => setDiagnosis(e.currentTarget.value)}
        description={`${length} / ${MIN_DIAGNOSIS}`}
        error={tried && short ? t('portalInHouse.diagnosisTooShort', { min: MIN_DIAGNOSIS, count: length }) : undefined}
        data-autofocus
      />
    </ActionModal>
  );
}
