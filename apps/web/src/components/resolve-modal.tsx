import { Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { ResolveInput, Ticket } from '../api/types';
import { PUBLISH_ARTICLE, SOLUTION_KINDS } from '../lib/enums';
import { useTicketAction } from '../lib/use-ticket-action';
import { ActionModal } from './action-modal';

type Kind = ResolveInput['kind'];
type Publish = NonNullable<ResolveInput['publishArticle']>;

/**
 * Resolve: a solution ends the problem, a workaround restores service and leaves a follow-up task for the real fix.
 * The fix may become a knowledge-base article in the same step.
 */
export function ResolveModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('solution');
  const [text, setText] = useState('');
  const [cause, setCause] = useState('');
  const [publish, setPublish] = useState<Publish>('no');
  const [checked, setChecked] = useState(false);
  const resolve = useTicketAction(
    ticket.id,
    () => ticketsApi.resolve(ticket.id, { kind, text, cause, publishArticle: publish }),
    { onSuccess: onClose, onError: () => undefined },
  );
  const submit = () => {
    setChecked(true);
    if (text.trim() !== '') resolve.mutate();
  };

  return (
    <ActionModal
      title={t('ticketActions.resolveTitle', { reference: ticket.reference })}
      submitLabel={t('ticketActions.resolve')}
      submitColor="teal"
      saving={resolve.isPending}
      error={resolve.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <SegmentedControl
        aria-label={t('ticketActions.fixKind')}
        value={kind}
        onChange={(value) => setKind(value as Kind)}
        data={SOLUTION_KINDS.map((k) => ({ value: k, label: t(`solutionKind.${k}`) }))}
      />
      <Text size="sm" c="dimmed">
        {t(`ticketActions.kindHint.${kind}`)}
      </Text>
      <Textarea
        label={kind === 'workaround' ? t('ticketActions.workaroundText') : t('ticketActions.solutionText')}
        required
        autosize
        minRows={4}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={checked && text.trim() === '' ? t('ticketActions.solutionRequired') : undefined}
        maxLength={20_000}
        data-autofocus
      />
      <Textarea
        label={t('ticketActions.cause')}
        autosize
        minRows={2}
        value={cause}
        onChange={(event) => setCause(event.currentTarget.value)}
        maxLength={5000}
      />
      <Radio.Group
        label={t('ticketActions.publish')}
        value={publish}
        onChange={(value) => setPublish(value as Publish)}
      >
        <Stack gap={6} mt={6}>
          {PUBLISH_ARTICLE.map((p) => (
            <Radio key={p} value={p} label={t(`publishArticle.${p}`)} />
          ))}
        </Stack>
      </Radio.Group>
    </ActionModal>
  );
}
