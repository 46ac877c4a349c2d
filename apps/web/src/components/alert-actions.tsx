import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type AlertDetail, boardApi, boardKeys } from '../api/monitoring-board-endpoints';
import { applyAlert } from '../lib/use-board-stream';

/** After an acknowledgement or a note: the drawer, every cached list and the summary take the new alert. */
function useStoreAlert() {
  const queryClient = useQueryClient();
  return (detail: AlertDetail) => {
    queryClient.setQueryData(boardKeys.alert(detail.id), detail);
    const { events: _events, ...summary } = detail;
    applyAlert(queryClient, summary);
    void queryClient.invalidateQueries({ queryKey: boardKeys.summary });
  };
}

const showError = (error: unknown) => notifications.show({ color: 'red', message: (error as Error).message });

/** Acknowledges an alert, with an optional comment. */
export function useAcknowledgeAlert() {
  const { t } = useTranslation();
  const store = useStoreAlert();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment?: string }) => boardApi.acknowledge(id, comment),
    onSuccess: (detail) => {
      store(detail);
      notifications.show({ color: 'teal', message: t('monitoringBoard.acknowledgedToast', { number: detail.number }) });
    },
    onError: showError,
  });
}

/** Adds a note to an alert's timeline. */
export function useNoteAlert() {
  const { t } = useTranslation();
  const store = useStoreAlert();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => boardApi.note(id, body),
    onSuccess: (detail) => {
      store(detail);
      notifications.show({ color: 'teal', message: t('monitoringBoard.notedToast') });
    },
    onError: showError,
  });
}
