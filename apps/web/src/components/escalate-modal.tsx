import { Group, SegmentedControl, Select, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../api/ticket-endpoints';
import type { EscalateInput, Ticket } from '../api/types';
import { canReadStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { escalationTargets, MIN_DIAGNOSIS_LENGTH } from '../lib/ticket-actions';
import { useTicketAction } from '../lib/use-ticket-action';
import { useStaffOptions, useTeamOptions } from '../lib/use-ticket-lookups';
import { ActionModal } from './action-modal';

type Kind = EscalateInput['kind'];

/**
 * Functional escalation (up to a level the contract delivers, with the diagnosis the next level starts from) or
 * hierarchical (a manager brought in, with the reason). Both stay on the record.
 */
export function EscalateModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const targets = escalationTargets(ticket);
  const teams = useTeamOptions();
  const staff = useStaffOptions();
  const [kind, setKind] = useState<Kind>(targets.length > 0 ? 'functional' : 'hierarchical');
  const [toLevel, setToLevel] = useState<string | null>(targets[0] ? String(targets[0]) : null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [diagnosis, setDiagnosis] = useState('');
  const [reason, setReason] = useState('');
  const [managerId, setManagerId] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const length = diagnosis.trim().length;
  const diagnosisShort = length < MIN_DIAGNOSIS_LENGTH;

  const input = (): EscalateInput =>
    kind === 'functional'
      ? { kind, toLevel: Number(toLevel) as 1 | 2 | 3, diagnosis, teamId, assigneeId }
      : { kind, reason, managerId };
  const escalate = useTicketAction(ticket.id, () => ticketsApi.escalate(ticket.id, input()), {
    onSuccess: onClose,
    onError: () => undefined,
  });
  const submit = () => {
    setChecked(true);
    if (kind === 'functional' && (diagnosisShort || !toLevel || (!teamId && !assigneeId))) return;
    if (kind === 'hierarchical' && reason.trim() === '') return;
    escalate.mutate();
  };

  return (
    <ActionModal
      title={t('ticketActions.escalateTitle', { reference: ticket.reference })}
      submitLabel={t('ticketActions.escalate')}
      saving={escalate.isPending}
      error={escalate.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <SegmentedControl
        aria-label={t('ticketActions.escalationKind')}
        value={kind}
        onChange={(value) => setKind(value as Kind)}
        data={[
          { value: 'functional', label: t('ticketActions.functional'), disabled: targets.length === 0 },
          { value: 'hierarchical', label: t('ticketActions.hierarchical') },
        ]}
      />
      {kind === 'functional' && targets.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('ticketActions.noLevelAbove', { level: ticket.supportLevel })}
        </Text>
      )}
      {kind === 'functional' ? (
        <>
          <Group grow align="flex-start">
            <Select
              label={t('ticketActions.toLevel')}
              data={targets.map((level) => ({ value: String(level), label: `N${level}` }))}
              value={toLevel}
              onChange={setToLevel}
              allowDeselect={false}
              required
              error={checked && !toLevel ? t('ticketActions.levelRequired') : undefined}
            />
            <Select
              label={t('tickets.team')}
              description={t('ticketActions.teamHint')}
              data={teams}
              value={teamId}
              onChange={setTeamId}
              searchable
              clearable
              error={checked && !teamId && !assigneeId ? t('ticketActions.teamRequired') : undefined}
            />
            <Select
              label={t('tickets.assignee')}
              data={staff}
              value={assigneeId}
              onChange={setAssigneeId}
              searchable
              clearable
            />
          </Group>
          <Textarea
            label={t('ticketActions.diagnosis')}
            description={t('ticketActions.diagnosisHint')}
            required
            autosize
            minRows={4}
            value={diagnosis}
            onChange={(event) => setDiagnosis(event.currentTarget.value)}
            error={
              checked && diagnosisShort
                ? t('ticketActions.diagnosisTooShort', { min: MIN_DIAGNOSIS_LENGTH, n: length })
                : undefined
            }
            maxLength={20_000}
            data-autofocus
          />
          <Text size="xs" c={diagnosisShort ? 'red' : 'teal'} aria-live="polite" data-testid="diagnosis-count">
            {t('ticketActions.characterCount', { n: length, min: MIN_DIAGNOSIS_LENGTH })}
          </Text>
        </>
      ) : (
        <>
          <Textarea
            label={t('ticketActions.reason')}
            description={t('ticketActions.reasonHint')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={checked && reason.trim() === '' ? t('ticketActions.reasonRequired') : undefined}
            maxLength={5000}
          />
          {canReadStaff(me) && (
            <Select
              label={t('ticketActions.manager')}
              data={staff}
              value={managerId}
              onChange={setManagerId}
              searchable
              clearable
            />
          )}
        </>
      )}
    </ActionModal>
  );
}
