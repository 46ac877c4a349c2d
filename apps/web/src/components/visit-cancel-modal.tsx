import { Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { interventionsApi } from '../api/work-endpoints';
import type { Intervention } from '../api/work-types';
import { formatInstant } from '../lib/format-instant';
import { ActionModal } from './action-modal';

/** Asks before cancelling a planned visit (the timeline records it). */
export function VisitCancelModal({
  visit,
  onClose,
  onCancelled,
}: {
  visit: Intervention;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const cancel = useMutation({
    mutationFn: () => interventionsApi.cancel(visit.id),
    onSuccess: () => {
      onCancelled();
      onClose();
    },
  });
  return (
    <ActionModal
      title={t('visits.cancelTitle')}
      submitLabel={t('visits.cancelVisit')}
      submitColor="red"
      saving={cancel.isPending}
      error={cancel.error}
      onSubmit={() => cancel.mutate()}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">
        {t('visits.cancelText', { site: visit.site.name, when: formatInstant(visit.scheduledStart) })}
      </Text>
    </ActionModal>
  );
}
