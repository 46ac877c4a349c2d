import { Input, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interventionsApi } from '../api/work-endpoints';
import type { Intervention } from '../api/work-types';
import { formatInstant } from '../lib/format-instant';
import { ActionModal } from './action-modal';
import { DurationInput } from './duration-input';
import { SignaturePad } from './signature-pad';

/**
 * Closes a visit: what was done, the actual time on site and on the road, and the client's name and signature,
 * drawn on this screen. The server logs the time on site on the ticket.
 */
export function VisitReportModal({
  visit,
  signerName,
  onClose,
  onClosed,
}: {
  visit: Intervention;
  signerName: string;
  onClose: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const [report, setReport] = useState('');
  const [duration, setDuration] = useState(visit.durationMinutes);
  const [travel, setTravel] = useState(visit.travelMinutes);
  const [signedBy, setSignedBy] = useState(signerName);
  const [signature, setSignature] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);

  const close = useMutation({
    mutationFn: () =>
      interventionsApi.report(visit.id, {
        report,
        durationMinutes: duration,
        travelMinutes: travel,
        signedBy,
        signaturePng: signature ?? '',
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('visits.closed') });
      onClosed();
      onClose();
    },
  });
  const submit = () => {
    setChecked(true);
    if (report.trim() && signedBy.trim() && signature && duration >= 1) close.mutate();
  };

  return (
    <ActionModal
      title={t('visits.reportTitle', { site: visit.site.name })}
      submitLabel={t('visits.closeVisit')}
      submitColor="teal"
      saving={close.isPending}
      error={close.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm" c="dimmed">
        {t('visits.reportOf', {
          when: formatInstant(visit.scheduledStart),
          technician: visit.technician.name,
        })}
      </Text>
      <Textarea
        label={t('visits.report')}
        required
        autosize
        minRows={4}
        maxLength={20_000}
        value={report}
        onChange={(event) => setReport(event.currentTarget.value)}
        error={checked && !report.trim() ? t('visits.reportRequired') : undefined}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Input.Wrapper label={t('visits.actualDuration')} labelElement="div" required>
          <DurationInput
            label={t('visits.actualDuration')}
            hoursLabel={t('time.h')}
            minutesLabel={t('time.min')}
            value={duration}
            onChange={setDuration}
            error={checked && duration < 1 ? t('time.minutesRequired') : undefined}
          />
        </Input.Wrapper>
        <Input.Wrapper label={t('visits.actualTravel')} labelElement="div">
          <DurationInput
            label={t('visits.actualTravel')}
            hoursLabel={t('time.h')}
            minutesLabel={t('time.min')}
            value={travel}
            onChange={setTravel}
          />
        </Input.Wrapper>
      </SimpleGrid>
      <TextInput
        label={t('visits.signedBy')}
        required
        maxLength={120}
        value={signedBy}
        onChange={(event) => setSignedBy(event.currentTarget.value)}
        error={checked && !signedBy.trim() ? t('visits.signedByRequired') : undefined}
      />
      <SignaturePad
        label={t('visits.signature')}
        onChange={setSignature}
        error={checked && !signature ? t('visits.signatureRequired') : undefined}
      />
    </ActionModal>
  );
}
