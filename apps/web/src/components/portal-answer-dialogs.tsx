import { Input, Rating, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Ticket } from '../api/types';
import { useTicketAction } from '../lib/use-ticket-action';
import { ActionModal } from './action-modal';

export const ANSWERS = ['confirm', 'reject', 'rate'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Whether the ticket takes this answer now: confirm or reject a proposed solution; rate once it is solved. */
export function answerAvailable(ticket: Ticket, answer: Answer): boolean {
  if (answer === 'rate') return (ticket.status === 'resolved' || ticket.status === 'closed') && !ticket.satisfaction;
  return ticket.status === 'resolved';
}

type DialogProps = { ticket: Ticket; onClose: () => void };

function useAnswer(ticket: Ticket, run: () => Promise<Ticket>, done: string, onClose: () => void) {
  return useTicketAction(ticket.id, run, {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: done });
      onClose();
    },
    onError: () => undefined,
  });
}

function ConfirmDialog({ ticket, onClose }: DialogProps) {
  const { t } = useTranslation();
  const confirm = useAnswer(ticket, () => ticketsApi.confirm(ticket.id), t('portalAnswer.confirmed'), onClose);
  return (
    <ActionModal
      title={t('portalAnswer.confirmTitle')}
      submitLabel={t('portalAnswer.confirm')}
      submitColor="teal"
      saving={confirm.isPending}
      error={confirm.error}
      onSubmit={() => confirm.mutate()}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">{t('portalAnswer.confirmText')}</Text>
    </ActionModal>
  );
}

function RejectDialog({ ticket, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reject = useAnswer(ticket, () => ticketsApi.reject(ticket.id, { reason }), t('portalAnswer.rejected'), onClose);
  return (
    <ActionModal
      title={t('portalAnswer.rejectTitle')}
      submitLabel={t('portalAnswer.reject')}
      submitColor="red"
      saving={reject.isPending}
      error={reject.error}
      onSubmit={() => {
        setTried(true);
        if (reason.trim() !== '') reject.mutate();
      }}
      onClose={onClose}
      size="md"
    >
      <Textarea
        label={t('portalAnswer.rejectReason')}
        required
        autosize
        minRows={3}
        maxLength={5000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={tried && reason.trim() === '' ? t('portalAnswer.rejectReasonRequired') : undefined}
        data-autofocus
      />
    </ActionModal>
  );
}

function RateDialog({ ticket, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const rate = useAnswer(
    ticket,
    () => ticketsApi.rate(ticket.id, { rating, comment: comment.trim() || null }),
    t('portalAnswer.rated'),
    onClose,
  );
  return (
    <ActionModal
      title={t('portalAnswer.rateTitle')}
      submitLabel={t('portalAnswer.rate')}
      saving={rate.isPending}
      error={rate.error}
      onSubmit={() => {
        setTried(true);
        if (rating >= 1) rate.mutate();
      }}
      onClose={onClose}
      size="md"
    >
      <Input.Wrapper
        label={t('portalAnswer.rating')}
        required
        error={tried && rating < 1 ? t('portalAnswer.ratingRequired') : undefined}
      >
        <Rating value={rating} onChange={setRating} size="lg" mt={4} data-testid="portal-rating" data-autofocus />
      </Input.Wrapper>
      <Textarea
        label={t('portalAnswer.comment')}
        autosize
        minRows={2}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
    </ActionModal>
  );
}

const DIALOGS: Record<Answer, (props: DialogProps) => React.JSX.Element> = {
  confirm: ConfirmDialog,
  reject: RejectDialog,
  rate: RateDialog,
};

/** The dialog of one answer to a resolution (confirm, reject with a reason, rate 1–5 with a comment). */
export function PortalAnswerDialog({ answer, ticket, onClose }: { answer: Answer } & DialogProps) {
  const Dialog = DIALOGS[answer];
  return <Dialog ticket={ticket} onClose={onClose} />;
}
