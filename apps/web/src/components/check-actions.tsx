import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CheckView, checksApi } from '../api/monitoring-setup-endpoints';
import { notifyError } from '../lib/errors';

/** "Run now" and delete for a check, with the lists that show it refreshed afterwards. */
export function useCheckActions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = (check: CheckView) => {
    void queryClient.invalidateQueries({ queryKey: ['monitoring-checks'] });
    void queryClient.invalidateQueries({ queryKey: ['asset-monitoring', check.assetId] });
  };
  const run = useMutation({
    mutationFn: (check: CheckView) => checksApi.run(check.id),
    onSuccess: (check) => {
      refresh(check);
      notifications.show({
        color: check.status === 'ok' ? 'teal' : check.status === 'warning' ? 'orange' : 'red',
        title: t('monitoringSetup.checks.ran', {
          name: check.name,
          status: t(`monitoringSetup.statuses.${check.status}`),
        }),
        message: check.output ?? '',
      });
    },
    onError: (error) => notifyError(t, error),
  });
  const remove = async (check: CheckView) => {
    try {
      await checksApi.remove(check.id);
      refresh(check);
    } catch (error) {
      notifyError(t, error);
      throw error;
    }
  };
  return { run, remove, running: run.isPending ? (run.variables?.id ?? null) : null };
}
