import { Button, Group, Kbd, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import {
  IconArrowBackUp,
  IconArrowUpRight,
  IconCircleCheck,
  IconGitMerge,
  IconHandGrab,
  IconPlayerPause,
  IconPlayerPlay,
  IconThumbUp,
  IconUserShare,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { useMe } from '../auth/session-context';
import { availability, type TicketAction } from '../lib/ticket-actions';
import { isGoSequencePending } from '../lib/use-global-hotkeys';
import { useTicketAction } from '../lib/use-ticket-action';
import { AssignModal } from './assign-modal';
import { ConfirmModal } from './confirm-modal';
import { EscalateModal } from './escalate-modal';
import { HoldModal } from './hold-modal';
import { MergeModal } from './merge-modal';
import { RejectModal } from './reject-modal';
import { ResolveModal } from './resolve-modal';

type Dialog = Exclude<TicketAction, 'take' | 'resume'>;

const DIALOGS: Record<Dialog, typeof AssignModal> = {
  assign: AssignModal,
  hold: HoldModal,
  escalate: EscalateModal,
  resolve: ResolveModal,
  confirm: ConfirmModal,
  reject: RejectModal,
  merge: MergeModal,
};

/**
 * What can be done with the ticket now. Every action is always shown, so the bar does not jump around; those the
 * status does not allow are greyed out, and their tooltip says why. `t` takes the ticket.
 */
export function TicketActionBar({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const take = useTicketAction(ticket.id, () => ticketsApi.take(ticket.id));
  const resume = useTicketAction(ticket.id, () => ticketsApi.setStatus(ticket.id, { status: 'in_progress' }));
  const allowed = (action: TicketAction) => availability(ticket, me, action).allowed;

  useHotkeys([
    [
      't',
      () => {
        if (!isGoSequencePending() && allowed('take') && !take.isPending) take.mutate();
      },
    ],
  ]);

  const button = (
    action: TicketAction,
    icon: ReactNode,
    onClick: () => void,
    extra: { color?: string; loading?: boolean; shortcut?: string } = {},
  ) => {
    const state = availability(ticket, me, action);
    const label = t(`ticketActions.${action}`);
    return (
      <Tooltip
        key={action}
        label={state.allowed ? label : t(`ticketActions.why.${state.why}`)}
        disabled={state.allowed}
        events={{ hover: true, focus: true, touch: true }}
      >
        <Button
          size="xs"
          variant={state.allowed ? 'light' : 'default'}
          color={extra.color}
          leftSection={icon}
          loading={extra.loading}
          data-disabled={!state.allowed || undefined}
          aria-disabled={!state.allowed}
          onClick={(event) => {
            if (!state.allowed) {
              event.preventDefault();
              return;
            }
            onClick();
          }}
          rightSection={
            extra.shortcut ? (
              <Kbd size="xs" aria-hidden>
                {extra.shortcut}
              </Kbd>
            ) : undefined
          }
        >
          {label}
        </Button>
      </Tooltip>
    );
  };

  const Dialog = dialog ? DIALOGS[dialog] : null;
  return (
    <>
      <Group gap="xs" role="toolbar" aria-label={t('ticketActions.label')}>
        {button('take', <IconHandGrab size={14} />, () => take.mutate(), { loading: take.isPending, shortcut: 't' })}
        {button('assign', <IconUserShare size={14} />, () => setDialog('assign'))}
        {button('hold', <IconPlayerPause size={14} />, () => setDialog('hold'))}
        {button('resume', <IconPlayerPlay size={14} />, () => resume.mutate(), { loading: resume.isPending })}
        {button('escalate', <IconArrowUpRight size={14} />, () => setDialog('escalate'), { color: 'grape' })}
        {button('resolve', <IconCircleCheck size={14} />, () => setDialog('resolve'), { color: 'teal' })}
        {button('confirm', <IconThumbUp size={14} />, () => setDialog('confirm'), { color: 'teal' })}
        {button('reject', <IconArrowBackUp size={14} />, () => setDialog('reject'), { color: 'red' })}
        {button('merge', <IconGitMerge size={14} />, () => setDialog('merge'))}
      </Group>
      {Dialog && <Dialog ticket={ticket} onClose={() => setDialog(null)} />}
    </>
  );
}
