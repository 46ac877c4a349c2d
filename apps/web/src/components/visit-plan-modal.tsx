import { Input, Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { interventionsApi } from '../api/work-endpoints';
import { useMe } from '../auth/session-context';
import { localDateTimeToIso, tomorrowMorning } from '../lib/local-date';
import { useClientSites } from '../lib/use-client-sites';
import { useStaffOptions } from '../lib/use-ticket-lookups';
import { ActionModal } from './action-modal';
import { DurationInput } from './duration-input';

/** Plans an on-site visit: a site of the client, when, how long on site and on the road, and who goes. */
export function VisitPlanModal({
  ticket,
  onClose,
  onPlanned,
}: {
  ticket: Ticket;
  onClose: () => void;
  onPlanned: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const sites = useClientSites(ticket.clientId);
  const technicians = useStaffOptions(ticket.assignee ? [ticket.assignee] : []);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [start, setStart] = useState(tomorrowMorning);
  const [duration, setDuration] = useState(60);
  const [travel, setTravel] = useState(30);
  const [technicianId, setTechnicianId] = useState<string | null>(ticket.assignee?.id ?? me.id);
  const [checked, setChecked] = useState(false);
  const scheduledStart = localDateTimeToIso(start);

  const plan = useMutation({
    mutationFn: () =>
      interventionsApi.create(ticket.id, {
        siteId: siteId ?? '',
        technicianId: technicianId ?? undefined,
        scheduledStart: scheduledStart ?? '',
        durationMinutes: duration,
        travelMinutes: travel,
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('visits.planned') });
      onPlanned();
      onClose();
    },
  });
  const submit = () => {
    setChecked(true);
    if (siteId && scheduledStart && duration >= 5) plan.mutate();
  };

  return (
    <ActionModal
      title={t('visits.planTitle', { reference: ticket.reference })}
      submitLabel={t('visits.plan')}
      saving={plan.isPending}
      error={plan.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Select
        label={t('visits.site')}
        required
        data={sites.data ?? []}
        value={siteId}
        onChange={setSiteId}
        error={checked && !siteId ? t('visits.siteRequired') : undefined}
        searchable
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="datetime-local"
          label={t('visits.start')}
          required
          value={start}
          onChange={(event) => setStart(event.currentTarget.value)}
          error={checked && !scheduledStart ? t('visits.startRequired') : undefined}
        />
        <Select
          label={t('visits.technician')}
          data={technicians}
          value={technicianId}
          onChange={setTechnicianId}
          allowDeselect={false}
          searchable
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Input.Wrapper label={t('visits.duration')} labelElement="div" required>
          <DurationInput
            label={t('visits.duration')}
            hoursLabel={t('time.h')}
            minutesLabel={t('time.min')}
            value={duration}
            onChange={setDuration}
            error={checked && duration < 5 ? t('visits.durationMin') : undefined}
          />
        </Input.Wrapper>
        <Input.Wrapper label={t('visits.travel')} labelElement="div">
          <DurationInput
            label={t('visits.travel')}
            hoursLabel={t('time.h')}
            minutesLabel={t('time.min')}
            value={travel}
            onChange={setTravel}
          />
        </Input.Wrapper>
      </SimpleGrid>
    </ActionModal>
  );
}
